import type { CaseDetail } from '@mnpddh/shared';
import { useReferenceList } from '../reference/use-reference';
import { format } from '../format';
import { Facts } from './facts';
import { useCasesT } from './i18n';
import { bool, obj, objects, str, strings, type Loose } from './read';

/*
 * The request as the defender (or a caseworker) wrote it. Everything is
 * rendered as React text: a name like "<img onerror=…>" shows as those
 * characters and runs nothing.
 */

function useLabels() {
  const t = useCasesT();
  const v = t.caseView;
  const tri = (value: string | undefined) => (value ? (v.tristate[value as keyof typeof v.tristate] ?? value) : undefined);
  const join = (values: string[], label: (code: string) => string) => (values.length > 0 ? values.map(label).join(', ') : undefined);
  return { t, v, tri, join };
}

export function RequestSection({ detail }: { detail: CaseDetail }) {
  const { t, v, tri, join } = useLabels();
  const regions = useReferenceList('region');
  const measures = useReferenceList('protection_measure');
  const situation = detail.situation;
  const rightNow = obj(situation.rightNow);
  const location = obj(situation.location);
  const help = obj(situation.help);
  const already = obj(situation.alreadyContacted);
  const consent = obj(situation.consent);
  const channel = detail.categories.channel;
  const formLanguage = str(situation, 'formLanguage');
  const region = str(location, 'region');

  return (
    <>
      <h3>{v.narrative}</h3>
      {detail.narrative ? <p className="narrative prewrap">{detail.narrative}</p> : <p className="muted">{v.noNarrative}</p>}
      <Facts
        rows={[
          [v.detainedOrMissing, tri(str(rightNow, 'detainedOrMissing'))],
          [v.lifeInDanger, tri(str(rightNow, 'lifeInDanger'))],
          [v.location, region ? regions.label(region) : undefined],
          [v.locality, str(location, 'locality')],
          [v.channel, channel ? t.channel[channel] : undefined],
          [v.formLanguage, formLanguage === 'en' || formLanguage === 'fr' ? v.formLanguages[formLanguage] : undefined],
        ]}
      />
      <Incidents incidents={objects(situation, 'incidents')} />
      {help ? (
        <>
          <h3>{v.helpTitle}</h3>
          <Facts
            rows={[
              [v.helpTitle, join(strings(help, 'measures'), measures.label)],
              [v.helpOther, str(help, 'other')],
            ]}
          />
        </>
      ) : null}
      <Facts
        rows={[
          [`${v.alreadyContacted} — ${v.lawyer}`, tri(str(already, 'lawyer'))],
          [`${v.alreadyContacted} — ${v.police}`, tri(str(already, 'police'))],
          [`${v.alreadyContacted} — ${v.organisations}`, str(already, 'organisations')],
          [`${v.consent} — ${v.consentProcessing}`, yesNo(bool(consent, 'processing'), v)],
          [`${v.consent} — ${v.consentSharing}`, yesNo(bool(consent, 'sharingWithPartners'), v)],
        ]}
      />
    </>
  );
}

function yesNo(value: boolean | undefined, v: ReturnType<typeof useCasesT>['caseView']) {
  return value === undefined ? undefined : value ? v.tristate.yes : v.tristate.no;
}

function Incidents({ incidents }: { incidents: Loose[] }) {
  const { v, tri, join } = useLabels();
  const threats = useReferenceList('threat_type');
  const perpetrators = useReferenceList('perpetrator_type');
  const regions = useReferenceList('region');
  if (incidents.length === 0) return null;
  return (
    <>
      <h3>{v.incidentsTitle}</h3>
      <ol className="incidents">
        {incidents.map((incident, index) => {
          const when = obj(incident.when);
          const date = str(when, 'date');
          const whenText = date ? [date, str(when, 'time'), bool(when, 'approximate') ? v.approximate : undefined].filter(Boolean).join(' ') : undefined;
          return (
            <li key={index} className="incidents__item">
              <h4>{format(v.incident, { n: index + 1 })}</h4>
              <Facts
                rows={[
                  [v.types, join(strings(incident, 'types'), threats.label)],
                  [v.when, whenText],
                  [v.incidentRegion, str(incident, 'region') ? regions.label(str(incident, 'region') as string) : undefined],
                  [v.place, str(incident, 'place')],
                  [v.perpetrators, join(strings(incident, 'perpetrators'), perpetrators.label)],
                  [v.ongoing, tri(str(incident, 'ongoing'))],
                  [v.lastSeenPlace, str(incident, 'lastSeenPlace')],
                  [v.takenBy, str(incident, 'takenBy')],
                  [v.believedHeldAt, str(incident, 'believedHeldAt')],
                  [v.description, str(incident, 'description')],
                ]}
              />
            </li>
          );
        })}
      </ol>
    </>
  );
}

export function PeopleSection({ detail }: { detail: CaseDetail }) {
  const { v, tri, join } = useLabels();
  const profiles = useReferenceList('defender_profile');
  const languages = useReferenceList('language');
  const identity = detail.identity;
  const submitter = obj(identity.submitter);
  const defender = obj(identity.defender);
  const others = objects(identity, 'othersAtRisk');
  const kind = str(submitter, 'kind');
  const gender = str(defender, 'gender');
  const age = str(defender, 'ageGroup');

  return (
    <>
      <Facts
        rows={[
          [v.submitter, kind === 'self' ? v.submitterSelf : kind === 'third_party' ? v.submitterThird : undefined],
          [v.relationship, str(submitter, 'relationship')],
        ]}
      />
      <h3>{v.defender}</h3>
      <Facts
        rows={[
          [v.name, str(defender, 'name')],
          [v.organisation, str(defender, 'organisation')],
          [v.profiles, join(strings(defender, 'profiles'), profiles.label)],
          [v.profileOther, str(defender, 'profileOther')],
          [v.gender, gender ? (v.genderValue[gender as keyof typeof v.genderValue] ?? gender) : undefined],
          [v.ageGroup, age ? (v.ageValue[age as keyof typeof v.ageValue] ?? age) : undefined],
          [v.disability, tri(str(defender, 'disability'))],
          [v.languages, join(strings(defender, 'languages'), languages.label)],
          [v.professionalCard, tri(str(defender, 'professionalCard'))],
        ]}
      />
      {!defender ? <p className="muted">{v.nothing}</p> : null}
      {others.length > 0 ? (
        <>
          <h3>{v.othersAtRisk}</h3>
          <ul className="work-list">
            {others.map((person, index) => {
              const relation = str(person, 'relationship');
              return (
                <li key={index} className="work-list__item">
                  <Facts
                    rows={[
                      [v.name, str(person, 'name')],
                      [v.relationship, relation ? (v.othersRelationship[relation as keyof typeof v.othersRelationship] ?? relation) : undefined],
                      [v.details, str(person, 'details')],
                    ]}
                  />
                </li>
              );
            })}
          </ul>
        </>
      ) : null}
    </>
  );
}

export function ContactSection({ detail }: { detail: CaseDetail }) {
  const { v, tri, join } = useLabels();
  const languages = useReferenceList('language');
  const contact = detail.contact;
  const language = str(contact, 'callbackLanguage');
  return (
    <Facts
      rows={[
        [v.methods, join(strings(contact, 'methods'), (code) => v.contactMethod[code as keyof typeof v.contactMethod] ?? code)],
        [v.phone, str(contact, 'phone')],
        [v.email, str(contact, 'email')],
        [v.trustedPerson, str(contact, 'trustedPerson')],
        [v.safeTimes, str(contact, 'safeTimes')],
        [v.mayLeaveMessage, tri(str(contact, 'mayLeaveMessage'))],
        [v.callbackLanguage, language ? languages.label(language) : undefined],
      ]}
    />
  );
}
