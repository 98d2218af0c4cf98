import { suggestFromRequest, type CaseDetail, type RequestFacts, type RequestSuggestion } from '@mnpddh/shared';
import { obj, objects, str } from '../cases/read';

/** The facts the suggestion rules read, from the case as it stands (details added later included). */
export function requestFactsOf(detail: CaseDetail): RequestFacts {
  const rightNow = obj(detail.situation.rightNow);
  const categories = detail.categories;
  return {
    detainedOrMissing: str(rightNow, 'detainedOrMissing'),
    lifeInDanger: str(rightNow, 'lifeInDanger'),
    threatTypes: categories.threatTypes ?? [],
    profiles: categories.profiles ?? [],
    gender: categories.gender,
    disability: categories.disability,
    ageGroup: categories.ageGroup,
    othersAtRisk: objects(detail.identity, 'othersAtRisk').length,
    incidents: objects(detail.situation, 'incidents').length,
  };
}

export function suggestionFor(detail: CaseDetail): RequestSuggestion {
  return suggestFromRequest(requestFactsOf(detail));
}
