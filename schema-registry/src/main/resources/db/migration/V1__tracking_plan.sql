-- Every saved version of every project's tracking plan, as one JSON document (works on H2 and
-- PostgreSQL). The primary key makes concurrent saves of the same version collide.
CREATE TABLE tracking_plan_version (
    project  VARCHAR(100)     NOT NULL,
    version  BIGINT           NOT NULL,
    document VARCHAR(1000000) NOT NULL,
    saved_at TIMESTAMP        NOT NULL,
    PRIMARY KEY (project, version)
);
