import { describe, expect, it } from 'vitest';
import { comparePlaybook, metAllRules, playbookSchema, rulesMetRatio, type Checklist, type Playbook } from '../../../../shared/journal/playbook';
import { closedTrip } from './journal-fixtures';

const ORB: Playbook = playbookSchema.parse({
  id: 'pb-orb',
  name: 'Opening range breakout',
  rules: [
    { id: 'r1', text: 'Wait for the 15-minute range' },
    { id: 'r2', text: 'Volume above average on the break' },
    { id: 'r3', text: 'Stop under the range' },
    { id: 'r4', text: 'No entry after 11:00' },
  ],
});
const all: Checklist = ['r1', 'r2', 'r3', 'r4'].map((ruleId) => ({ ruleId, met: true }));

describe('playbooks', () => {
  it('rules-met ratio: missing rules are unmet, unknown ones ignored', () => {
    expect(rulesMetRatio(ORB, all)).toBe(1);
    expect(rulesMetRatio(ORB, [{ ruleId: 'r1', met: true }, { ruleId: 'r2', met: false }, { ruleId: 'r9', met: true }])).toBe(0.25);
    expect(rulesMetRatio({ ...ORB, rules: [] }, [])).toBeNull();
    expect(metAllRules(ORB, all)).toBe(true);
    expect(metAllRules(ORB, all.slice(0, 3))).toBe(false);
  });

  it('compares trips that met every rule with those that did not', () => {
    const t = (id: string, net: number) => closedTrip({ id, net, openedAt: Date.UTC(2024, 2, 11, 14), closedAt: Date.UTC(2024, 2, 11, 14, Number(id.slice(1))) });
    const trips = [t('t1', 150), t('t2', -50), t('t3', 90), t('t4', -120), t('t5', 10), t('t6', 5)];
    const lists: Record<string, Checklist> = { t1: all, t2: all, t3: all, t4: all.slice(1), t5: [{ ruleId: 'r1', met: false }] };
    const c = comparePlaybook(ORB, trips, (trip) => lists[trip.id]);
    expect([c.followed.trades, c.followed.totalNet, c.followed.winRatePct, c.followed.profitFactor]).toEqual([3, 190, 66.6666666667, 4.8]);
    expect([c.broken.trades, c.broken.totalNet, c.broken.wins, c.broken.losses]).toEqual([2, -110, 1, 1]);
    expect(c.unchecked).toBe(1);
  });

  it('the schema refuses repeated rule ids', () => {
    expect(playbookSchema.safeParse({ ...ORB, rules: [ORB.rules[0], ORB.rules[0]] }).success).toBe(false);
  });
});
