import type { AgendaItem } from '@mnpddh/shared';
import { addDays, todayInBamako } from '../cases/when';

export const GROUPS = ['overdue', 'today', 'tomorrow', 'week', 'later'] as const;
export type AgendaGroup = (typeof GROUPS)[number];

/** Which heading an item goes under, by its Bamako day; anything passed is "en retard" whatever its day. */
export function groupOf(item: AgendaItem, now: number): AgendaGroup {
  const today = todayInBamako(now);
  if (item.overdue) return 'overdue';
  if (item.day <= today) return 'today';
  if (item.day === addDays(today, 1)) return 'tomorrow';
  if (item.day <= addDays(today, 7)) return 'week';
  return 'later';
}

/** The items under each heading, in the server's date order; empty headings left out. */
export function grouped(items: readonly AgendaItem[], now: number): [AgendaGroup, AgendaItem[]][] {
  const byGroup = new Map<AgendaGroup, AgendaItem[]>(GROUPS.map((group) => [group, []]));
  for (const item of items) byGroup.get(groupOf(item, now))?.push(item);
  return GROUPS.flatMap((group) => {
    const list = byGroup.get(group) ?? [];
    return list.length ? [[group, list] as [AgendaGroup, AgendaItem[]]] : [];
  });
}
