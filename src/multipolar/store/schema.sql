-- multipolar store, schema version 3. Relations are derived from events, never edited: the
-- relation_periods table is a cache of that derivation, rebuilt when the events change.
CREATE TABLE IF NOT EXISTS meta (key VARCHAR PRIMARY KEY, value VARCHAR NOT NULL);
CREATE TABLE IF NOT EXISTS documents (
    id VARCHAR PRIMARY KEY,
    content_hash VARCHAR NOT NULL UNIQUE,
    path VARCHAR, format VARCHAR, title VARCHAR, source VARCHAR, url VARCHAR,
    published DATE, published_start DATE, published_end DATE, published_iso VARCHAR,
    published_basis VARCHAR, published_evidence VARCHAR,
    text VARCHAR NOT NULL,
    notes VARCHAR[],  -- problems recorded while reading, e.g. a date phrase that could not be read
    ingested_at TIMESTAMP NOT NULL DEFAULT current_timestamp
);
CREATE TABLE IF NOT EXISTS sentences (
    doc_id VARCHAR NOT NULL, idx INTEGER NOT NULL, start_char INTEGER NOT NULL,
    end_char INTEGER NOT NULL, text VARCHAR NOT NULL, PRIMARY KEY (doc_id, idx)
);
CREATE TABLE IF NOT EXISTS actors (
    id VARCHAR PRIMARY KEY, name VARCHAR NOT NULL, kind VARCHAR NOT NULL, country VARCHAR,
    wikidata VARCHAR, origin VARCHAR NOT NULL, parent VARCHAR, members VARCHAR[]
);
CREATE TABLE IF NOT EXISTS actor_aliases (
    actor_id VARCHAR NOT NULL, alias VARCHAR NOT NULL, PRIMARY KEY (actor_id, alias)
);
CREATE TABLE IF NOT EXISTS mentions (
    doc_id VARCHAR NOT NULL, start_char INTEGER NOT NULL, end_char INTEGER NOT NULL,
    sentence_idx INTEGER NOT NULL, text VARCHAR NOT NULL, label VARCHAR, actor_id VARCHAR NOT NULL,
    method VARCHAR, PRIMARY KEY (doc_id, start_char, end_char)
);
CREATE TABLE IF NOT EXISTS events (
    id VARCHAR PRIMARY KEY, doc_id VARCHAR NOT NULL, source_id VARCHAR, target_id VARCHAR,
    type VARCHAR NOT NULL, cameo VARCHAR, mode VARCHAR, context VARCHAR,
    date_iso VARCHAR, date_start DATE, date_end DATE, date_reason VARCHAR,
    status VARCHAR NOT NULL, status_cue VARCHAR,
    attributed_to VARCHAR[], denied_by VARCHAR[],
    relation VARCHAR,  -- what the event does to relations: recognizes, -cooperates, ...
    -- whom each side acts for where an official acts (relations fold between these): version 3
    source_principal_id VARCHAR, target_principal_id VARCHAR
);
-- a store of version 2 gains the columns of version 3 (its events keep no principal)
ALTER TABLE events ADD COLUMN IF NOT EXISTS source_principal_id VARCHAR;
ALTER TABLE events ADD COLUMN IF NOT EXISTS target_principal_id VARCHAR;
CREATE TABLE IF NOT EXISTS evidence (
    event_id VARCHAR NOT NULL, doc_id VARCHAR NOT NULL, sentence_idx INTEGER NOT NULL,
    start_char INTEGER NOT NULL, end_char INTEGER NOT NULL, sentence VARCHAR NOT NULL,
    trigger_start INTEGER, trigger_end INTEGER, trigger VARCHAR
);
CREATE SEQUENCE IF NOT EXISTS failure_ids;
CREATE TABLE IF NOT EXISTS failures (
    id BIGINT PRIMARY KEY DEFAULT nextval('failure_ids'), path VARCHAR, doc_id VARCHAR,
    code VARCHAR NOT NULL, message VARCHAR NOT NULL,
    failed_at TIMESTAMP NOT NULL DEFAULT current_timestamp
);
CREATE TABLE IF NOT EXISTS partitions (  -- corpus slices loaded, so that a re-run skips them
    key VARCHAR NOT NULL, attempt INTEGER NOT NULL,  -- attempt > 1: its failed documents run again
    first_item VARCHAR NOT NULL, documents INTEGER NOT NULL, failed INTEGER NOT NULL,
    loaded_at TIMESTAMP NOT NULL, PRIMARY KEY (key, attempt)
);
CREATE TABLE IF NOT EXISTS relation_periods (  -- derived: see store/derived.py and relations.py
    kind VARCHAR NOT NULL, source_id VARCHAR NOT NULL, target_id VARCHAR NOT NULL,
    since VARCHAR, until VARCHAR, events VARCHAR[] NOT NULL
);
