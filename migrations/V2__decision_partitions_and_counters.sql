-- Switchboard schema, version 2: the decision log is partitioned by day so that retention drops whole partitions,
-- and every arm counts its decisions itself, so that counts never depend on rows that retention drops.

ALTER TABLE arm ADD COLUMN decisions BIGINT NOT NULL DEFAULT 0;   -- decisions that chose this arm, ever
UPDATE arm SET decisions = (SELECT count(*) FROM decision d
                            WHERE d.policy_id = arm.policy_id AND d.arm_position = arm.position);

ALTER TABLE decision RENAME TO decision_unpartitioned;
ALTER INDEX decision_policy_arm RENAME TO decision_unpartitioned_policy_arm;

-- A partitioned table's unique keys must hold the partition key; ids are random UUIDs, unique on their own.
CREATE TABLE decision (
    id             UUID             NOT NULL,
    policy_id      BIGINT           NOT NULL REFERENCES policy (id) ON DELETE CASCADE,
    arm_position   INTEGER          NOT NULL,
    probability    DOUBLE PRECISION NOT NULL,
    context        JSONB            NOT NULL,
    policy_version INTEGER          NOT NULL,
    created_at     TIMESTAMPTZ      NOT NULL,
    PRIMARY KEY (id, created_at)
) PARTITION BY RANGE (created_at);

-- Every partition of the decision log, so that the service creates and drops them without parsing the catalog.
-- Bounds are half-open: [starts_at, ends_at).
CREATE TABLE decision_partition (
    name      VARCHAR(63) PRIMARY KEY,
    starts_at TIMESTAMPTZ,                                       -- null: from the beginning of time
    ends_at   TIMESTAMPTZ NOT NULL UNIQUE
);

-- The first partition takes every decision logged so far, up to the end of today (UTC); the service adds a
-- partition per day from there (DecisionPartitions).
DO $$
DECLARE
    ends TIMESTAMPTZ := (date_trunc('day', now() AT TIME ZONE 'UTC') + INTERVAL '1 day') AT TIME ZONE 'UTC';
    name TEXT := 'decision_until_' || to_char(ends AT TIME ZONE 'UTC', 'YYYYMMDD');
BEGIN
    EXECUTE format('CREATE TABLE %I PARTITION OF decision FOR VALUES FROM (MINVALUE) TO (%L)', name, ends);
    INSERT INTO decision_partition (name, starts_at, ends_at) VALUES (name, NULL, ends);
END $$;

INSERT INTO decision SELECT * FROM decision_unpartitioned;
DROP TABLE decision_unpartitioned;
