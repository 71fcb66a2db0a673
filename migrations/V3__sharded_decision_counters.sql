-- Switchboard schema, version 3: decision counts move from one counter per arm to one counter per arm and shard.
-- Every instance adds its decisions to a shard of its own (picked at random when it starts), so that instances
-- logging decisions of the same policy at the same time do not wait for each other's row locks; a count is the sum
-- of its shards. With one counter row per arm, concurrent writers serialised on those rows and could deadlock.

CREATE TABLE arm_decisions (
    policy_id BIGINT  NOT NULL,
    position  INTEGER NOT NULL,
    shard     INTEGER NOT NULL,
    decisions BIGINT  NOT NULL,                          -- decisions that chose this arm, logged through this shard
    PRIMARY KEY (policy_id, position, shard),
    FOREIGN KEY (policy_id, position) REFERENCES arm (policy_id, position) ON DELETE CASCADE
);

INSERT INTO arm_decisions (policy_id, position, shard, decisions)
SELECT policy_id, position, 0, decisions FROM arm WHERE decisions > 0;

ALTER TABLE arm DROP COLUMN decisions;
