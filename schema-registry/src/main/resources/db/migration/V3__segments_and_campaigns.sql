-- Saved user segments (the rule as the JSON the API took), the history of their materialised
-- snapshots (sizes only: the members are in the event store's segment_members_<project>), and
-- campaigns on snapshots with their holdout. Owned by the query service; kept with the registry's
-- migrations so the metadata database has one version sequence. Works on H2 and PostgreSQL.
CREATE TABLE segment (
    project    VARCHAR(100)     NOT NULL,
    id         VARCHAR(64)      NOT NULL,
    name       VARCHAR(200)     NOT NULL,
    rule       VARCHAR(1000000) NOT NULL,
    refresh    VARCHAR(10)      DEFAULT 'NONE' NOT NULL,
    created_at TIMESTAMP        NOT NULL,
    PRIMARY KEY (project, id)
);

CREATE TABLE segment_snapshot (
    project    VARCHAR(100) NOT NULL,
    segment_id VARCHAR(64)  NOT NULL,
    id         VARCHAR(64)  NOT NULL,
    as_of      DATE         NOT NULL,
    users      BIGINT       NOT NULL,
    created_at TIMESTAMP    NOT NULL,
    PRIMARY KEY (project, segment_id, id)
);

CREATE TABLE campaign (
    project         VARCHAR(100) NOT NULL,
    id              VARCHAR(64)  NOT NULL,
    name            VARCHAR(200) NOT NULL,
    segment_id      VARCHAR(64)  NOT NULL,
    snapshot_id     VARCHAR(64)  NOT NULL,
    holdout_percent INTEGER      NOT NULL,
    targeted        BIGINT       NOT NULL,
    held_out        BIGINT       NOT NULL,
    created_at      TIMESTAMP    NOT NULL,
    PRIMARY KEY (project, id)
);
