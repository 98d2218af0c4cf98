import { describe, expect, test } from '@jest/globals';
import { nextEscalation, orderRota } from './rota.js';

const member = (id: string, name: string, rotaPosition: number | null) => ({ id, name, rotaPosition });

describe('orderRota', () => {
  test('orders by rota position, nulls last, then by name', () => {
    const ordered = orderRota([member('c', 'Coumba', null), member('b', 'Boubacar', 2), member('a', 'Awa', null), member('d', 'Drissa', 0)]);
    expect(ordered.map((m) => m.id)).toEqual(['d', 'b', 'a', 'c']);
  });

  test('breaks a tie of position and name by id, whatever the input order', () => {
    const one = member('2', 'Issa', 1);
    const two = member('1', 'Issa', 1);
    expect(orderRota([one, two]).map((m) => m.id)).toEqual(['1', '2']);
    expect(orderRota([two, one]).map((m) => m.id)).toEqual(['1', '2']);
  });
});

describe('nextEscalation', () => {
  const rota = ['first', 'second', 'third'];
  const supervisors = ['sup-1', 'second', 'sup-2'];

  test('level 0 → the first person of the rota', () => {
    expect(nextEscalation(rota, supervisors, 0)).toEqual({ level: 1, recipientIds: ['first'], final: false });
  });

  test('unacknowledged → the next person of the rota', () => {
    expect(nextEscalation(rota, supervisors, 1)).toEqual({ level: 2, recipientIds: ['second'], final: false });
    expect(nextEscalation(rota, supervisors, 2)).toEqual({ level: 3, recipientIds: ['third'], final: false });
  });

  test('rota exhausted → every supervisor not already alerted, and nothing after', () => {
    expect(nextEscalation(rota, supervisors, 3)).toEqual({ level: 4, recipientIds: ['sup-1', 'sup-2'], final: true });
    expect(nextEscalation(rota, supervisors, 4)).toBeNull();
  });

  test('an empty rota goes straight to the supervisors', () => {
    expect(nextEscalation([], ['sup-1'], 0)).toEqual({ level: 1, recipientIds: ['sup-1'], final: true });
    expect(nextEscalation([], [], 0)).toEqual({ level: 1, recipientIds: [], final: true });
  });

  test('passes over someone already reached (the rota changed since)', () => {
    expect(nextEscalation(rota, supervisors, 1, new Set(['second']))).toEqual({ level: 3, recipientIds: ['third'], final: false });
    expect(nextEscalation(rota, ['sup-1'], 1, new Set(['second', 'third', 'sup-1']))).toEqual({ level: 4, recipientIds: [], final: true });
  });
});
