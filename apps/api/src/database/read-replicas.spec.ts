import { isPlainRead, readRouting } from './read-replicas';

describe('isPlainRead: which statements a replica may answer', () => {
  it.each([
    ['SELECT id FROM member WHERE id = ?', true],
    ['  select 1', true],
    ['/* list */ SELECT * FROM org_unit', true],
    ['(SELECT id FROM a) UNION (SELECT id FROM b)', true],
    ['WITH RECURSIVE t AS (SELECT id FROM org_unit) SELECT COUNT(*) FROM t', true],
    ['SHOW TABLES', true],
    ['EXPLAIN SELECT * FROM member', true],
    ['SELECT `m`.`lastUpdatedAt` FROM member m', true],
  ])('%s → a replica may answer', (sql, expected) => expect(isPlainRead(sql)).toBe(expected));

  it.each([
    ['INSERT INTO member (id) VALUES (1)'],
    ['UPDATE member SET note = ? WHERE id = ?'],
    ['DELETE FROM member WHERE id = 1'],
    ['START TRANSACTION'],
    ['SET TRANSACTION ISOLATION LEVEL READ COMMITTED'],
    ['COMMIT'],
    ['SELECT id FROM rating_job ORDER BY id LIMIT 1 FOR UPDATE SKIP LOCKED'],
    ['SELECT * FROM member WHERE id = 1 LOCK IN SHARE MODE'],
    ['SELECT GET_LOCK(?, ?) AS got'],
    ['SELECT LAST_INSERT_ID()'],
    ['SELECT @n := COUNT(*) FROM member'],
    ['SELECT id INTO @x FROM member LIMIT 1'],
    ['WITH t AS (SELECT id FROM member) UPDATE member SET note = NULL WHERE id IN (SELECT id FROM t)'],
    ['CALL something()'],
  ])('%s → the primary', (sql) => expect(isPlainRead(sql)).toBe(false));
});

describe('readRouting: a request reads from replicas until it writes', () => {
  it('outside a request nothing may read from a replica (jobs, migrations, tools)', () => {
    expect(readRouting.inRequest()).toBe(false);
    expect(readRouting.mayReadReplica()).toBe(false);
  });

  it('a request may, until it writes; the mark holds for the rest of the request, across awaits', async () => {
    await readRouting.run(async () => {
      expect(readRouting.mayReadReplica()).toBe(true);
      await Promise.resolve();
      readRouting.markWritten();
      await new Promise((resolve) => setImmediate(resolve));
      expect(readRouting.mayReadReplica()).toBe(false);
    });
  });

  it('requests are independent: one that writes does not send another to the primary', async () => {
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    const writer = readRouting.run(async () => {
      readRouting.markWritten();
      await gate;
      return readRouting.mayReadReplica();
    });
    const reader = readRouting.run(async () => {
      release();
      await writer;
      return readRouting.mayReadReplica();
    });
    expect(await writer).toBe(false);
    expect(await reader).toBe(true);
  });

  it('onPrimary reads from the primary, and a write inside it counts for the whole request', async () => {
    await readRouting.run(async () => {
      await readRouting.onPrimary(async () => {
        expect(readRouting.mayReadReplica()).toBe(false);
        readRouting.markWritten();
      });
      expect(readRouting.mayReadReplica()).toBe(false);
    });
    await readRouting.run(async () => {
      await readRouting.onPrimary(async () => undefined);
      expect(readRouting.mayReadReplica()).toBe(true);
    });
  });
});
