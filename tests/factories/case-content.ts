import type { CaseContent } from '../../apps/api/src/vault/case-content.js';

/** A request whose every sensitive value carries the canary, so a leak anywhere is found. */
export function canaryContent(canary: string): CaseContent {
  return {
    identity: { name: `Awa ${canary} Traoré`, organisation: `Radio ${canary}`, profiles: ['journalist'] },
    contact: { phone: `+223 70 ${canary}`, safeTimes: `soir ${canary}` },
    narrative: `Mon frère a été arrêté hier soir par des hommes en uniforme. ${canary}`,
    situation: { incidents: [{ types: ['arrest'], place: `Sévaré ${canary}`, believedHeldAt: `camp ${canary}` }] },
    categories: {
      region: `mopti-${canary}`,
      threatTypes: [`arrest-${canary}`],
      perpetratorTypes: [`state_security-${canary}`],
      profiles: [`journalist-${canary}`],
      gender: `woman-${canary}`,
      languages: [`ff-${canary}`],
    },
  };
}

/** An ordinary request with ordinary categories. */
export function plainContent(): CaseContent {
  return {
    identity: { name: 'Moussa Diarra', profiles: ['lawyer'] },
    contact: { phone: '+223 76 00 00 00' },
    narrative: 'Des menaces par téléphone depuis une semaine.',
    situation: { incidents: [{ types: ['threats_intimidation'] }] },
    categories: { region: 'bamako', threatTypes: ['threats_intimidation'], perpetratorTypes: ['unknown'], profiles: ['lawyer'], languages: ['bm'] },
  };
}
