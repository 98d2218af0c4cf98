import { generateBackupKeyPair } from '../crypto/index.js';

/*
 * `npm run backup:keygen`: a new backup key pair, printed once and stored
 * nowhere. The public key goes into BACKUP_PUBLIC_KEY; the private key is
 * written on paper (README, "Paper ceremony") and never kept on the server.
 */
const pair = generateBackupKeyPair();
process.stdout.write(
  [
    `BACKUP_PUBLIC_KEY=${pair.publicKey}`,
    `BACKUP_PRIVATE_KEY=${pair.privateKey}`,
    'Clé privée : sur papier, hors du serveur ; elle ne sera plus jamais affichée. / Private key: on paper, off the server; it will not be shown again.',
    '',
  ].join('\n'),
);
