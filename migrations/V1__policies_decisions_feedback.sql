-- Switchboard schema, version 1. Flyway owns it; Hibernate only validates.

CREATE TABLE policy (
    id             BIGSERIAL PRIMARY KEY,
    name           VARCHAR(128) NOT NULL UNIQUE,
    algorithm      VARCHAR(64)  NOT NULL,
    params         TEXT         NOT NULL,               -- effective params as a JSON object
    version        INTEGER      NOT NULL,               -- +1 on every PUT that changes arms or params
    feedback_count BIGINT       NOT NULL DEFAULT 0,     -- the last feedback ordinal handed out (see feedback)
    created_at     TIMESTAMPTZ  NOT NULL,
    updated_at     TIMESTAMPTZ  NOT NULL
);

CREATE TABLE arm (
    policy_id BIGINT       NOT NULL REFERENCES policy (id) ON DELETE CASCADE,
    position  INTEGER      NOT NULL,                    -- the arm's index in the learner, fixed forever
    arm_id    VARCHAR(128) NOT NULL,
    cost      DOUBLE PRECISION,
    metadata  TEXT,                                     -- extra fields of the arm object, as JSON
    active    BOOLEAN      NOT NULL,                    -- false once retired by a PUT that left it out
    PRIMARY KEY (policy_id, position),
    UNIQUE (policy_id, arm_id)
);

CREATE TABLE decision (
    id             UUID             PRIMARY KEY,
    policy_id      BIGINT           NOT NULL REFERENCES policy (id) ON DELETE CASCADE,
    arm_position   INTEGER          NOT NULL,
    probability    DOUBLE PRECISION NOT NULL,
    context        JSONB            NOT NULL,
    policy_version INTEGER          NOT NULL,
    created_at     TIMESTAMPTZ      NOT NULL
);
CREATE INDEX decision_policy_arm ON decision (policy_id, arm_position);

-- Every acknowledged reward, self-contained (it carries the context), so that learned state never needs the
-- decision log. ordinal is gapless per policy and handed out under the policy row's lock, so ordinal order is
-- commit order: the learned state is the fold of a policy's feedback in ordinal order.
CREATE TABLE feedback (
    decision_id  UUID             PRIMARY KEY,
    policy_id    BIGINT           NOT NULL REFERENCES policy (id) ON DELETE CASCADE,
    ordinal      BIGINT           NOT NULL,
    arm_position INTEGER          NOT NULL,
    reward       DOUBLE PRECISION NOT NULL,
    context      JSONB            NOT NULL,
    created_at   TIMESTAMPTZ      NOT NULL,
    UNIQUE (policy_id, ordinal)
);

-- The learned state of a policy after folding its feedback up to ordinal.
CREATE TABLE snapshot (
    policy_id  BIGINT      PRIMARY KEY REFERENCES policy (id) ON DELETE CASCADE,
    ordinal    BIGINT      NOT NULL,
    state      BYTEA       NOT NULL,
    created_at TIMESTAMPTZ NOT NULL
);
