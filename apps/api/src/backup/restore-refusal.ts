/**
 * Why a restore refuses, in words an operator can act on (French first):
 * each cause its own message, so that a wrong secret is never reported as a
 * damaged file, nor a damaged file as a wrong key.
 */
export type RefusalCause = 'not_a_backup' | 'other_tenant' | 'wrong_secret' | 'wrong_backup_key' | 'truncated' | 'changed' | 'not_empty' | 'newer_release';

export class RestoreRefused extends Error {
  constructor(
    readonly reason: RefusalCause,
    message: string,
  ) {
    super(message);
    this.name = 'RestoreRefused';
  }
}

const SEE = 'See docs/OPERATIONS.md, "Restore".';

export const refuse = {
  notABackup: () => new RestoreRefused('not_a_backup', `Ce fichier n'est pas une sauvegarde MNPDDH. / This file is not an MNPDDH backup. ${SEE}`),
  otherTenant: (theirs: string, ours: string) =>
    new RestoreRefused(
      'other_tenant',
      `Cette sauvegarde appartient au mécanisme ${theirs}, pas à ${ours} (TENANT). / This backup belongs to tenant ${theirs}, not ${ours} (TENANT).`,
    ),
  wrongSecrets: (variables: string[]) =>
    new RestoreRefused(
      'wrong_secret',
      [
        ...variables.map((name) => `${name} n'est pas le secret de la base sauvegardée / is not the secret of the database this backup was made from`),
        `Donnez le fichier de secrets du serveur qui a fait la sauvegarde (--secrets <fichier> ou SECRETS_FILE). / Give the secrets file of the server that made the backup (--secrets <file> or SECRETS_FILE). ${SEE}`,
      ].join('\n'),
    ),
  wrongBackupKey: (encryptedTo: string | undefined) =>
    new RestoreRefused(
      'wrong_backup_key',
      `La clé privée de sauvegarde donnée n'ouvre pas ce fichier / The backup private key given does not open this file${encryptedTo ? ` (it was encrypted to ${encryptedTo})` : ''}: give the paper key whose public half was BACKUP_PUBLIC_KEY when it was made (--key <file> or BACKUP_PRIVATE_KEY_FILE). ${SEE}`,
    ),
  truncated: () =>
    new RestoreRefused(
      'truncated',
      `Fichier tronqué : il s'arrête avant sa fin signée (copie interrompue ?). Rien n'a été écrit. / Truncated file: it stops before its signed end (an interrupted copy?). Nothing was written; copy it again or take another backup. ${SEE}`,
    ),
  changed: () =>
    new RestoreRefused(
      'changed',
      `Fichier modifié : sa signature ne correspond plus à son contenu. Rien n'a été écrit. / Changed file: its signature no longer matches its content (tampered or corrupted). Nothing was written; use another copy. ${SEE}`,
    ),
  notEmpty: () =>
    new RestoreRefused(
      'not_empty',
      `La base cible n'est pas vide : restaurez dans un DATA_DIR neuf ou une base vide. / The target database is not empty: restore into a new DATA_DIR or an empty database (the portal must not run on it). ${SEE}`,
    ),
  newerRelease: (migration: string | null) =>
    new RestoreRefused(
      'newer_release',
      `Cette sauvegarde vient d'une version plus récente (migration ${migration ?? '?'}) : restaurez avec cette version ou une plus récente. / This backup comes from a newer release (migration ${migration ?? '?'}): restore it with that release or a later one. ${SEE}`,
    ),
};
