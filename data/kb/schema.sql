-- TechRace knowledge base schema.
-- Every fact row carries source_id + quote (the shortest verbatim passage stating it, <= 200 characters);
-- extra sources for the same row go to `citations`. Disagreeing sources are separate rows linked by `conflicts`.
-- Tables are STRICT so a non-number in a numeric column is an error, not silently stored text.
-- Dates are ISO text: 'YYYY', 'YYYY-MM' or 'YYYY-MM-DD'; vaguer wording ("H2 2027") stays in the quote/note.
PRAGMA user_version = 1;

CREATE TABLE units (
    id          TEXT PRIMARY KEY CHECK (id GLOB '[a-z]*' AND id NOT GLOB '*[^a-z0-9_]*'),
    dimension   TEXT NOT NULL CHECK (dimension IN ('money', 'ratio', 'length', 'capacity', 'count', 'time',
                                                   'compute', 'memory', 'bandwidth', 'power', 'energy',
                                                   'density', 'efficiency', 'price')),
    description TEXT NOT NULL
) STRICT;

INSERT INTO units (id, dimension, description) VALUES
    ('usd', 'money', 'US dollars (nominal)'),
    ('cny', 'money', 'Chinese yuan renminbi (nominal)'),
    ('jpy', 'money', 'Japanese yen (nominal)'),
    ('krw', 'money', 'South Korean won (nominal)'),
    ('eur', 'money', 'Euros (nominal)'),
    ('inr', 'money', 'Indian rupees (nominal)'),
    ('cad', 'money', 'Canadian dollars (nominal)'),
    ('twd', 'money', 'New Taiwan dollars (nominal)'),
    ('percent', 'ratio', 'Percent (0-100)'),
    ('fraction', 'ratio', 'Fraction (0-1)'),
    ('multiple', 'ratio', 'Multiplier (dimensionless)'),
    ('nm', 'length', 'Nanometres (process node name)'),
    ('wpm_200mm_eq', 'capacity', 'Wafer starts per month, 200mm-equivalent'),
    ('wpm_300mm', 'capacity', 'Wafer starts per month, 300mm'),
    ('wpm', 'capacity', 'Wafer starts per month, wafer size unstated'),
    ('units', 'count', 'Items (chips, machines, fabs ...)'),
    ('people', 'count', 'People'),
    ('layers', 'count', 'Memory layers (3D NAND)'),
    ('years', 'time', 'Years'),
    ('months', 'time', 'Months'),
    ('days', 'time', 'Days'),
    ('h100e', 'compute', 'Nvidia H100-equivalents'),
    ('tflops', 'compute', 'TeraFLOP/s'),
    ('pflops', 'compute', 'PetaFLOP/s'),
    ('eflops', 'compute', 'ExaFLOP/s'),
    ('tops', 'compute', 'Tera-operations per second'),
    ('gb', 'memory', 'Gigabytes'),
    ('gbit', 'memory', 'Gigabits'),
    ('tb_per_s', 'bandwidth', 'Terabytes per second'),
    ('gw', 'power', 'Gigawatts'),
    ('mw', 'power', 'Megawatts'),
    ('w', 'power', 'Watts'),
    ('mtr_per_mm2', 'density', 'Million transistors per square millimetre'),
    ('tokens_per_joule', 'efficiency', 'Tokens per joule'),
    ('tokens_per_s', 'compute', 'Tokens generated per second (inference throughput)'),
    ('usd_per_mtok', 'price', 'US dollars per million tokens'),
    ('usd_per_wafer', 'price', 'US dollars per wafer'),
    ('mt_per_s', 'bandwidth', 'Memory data rate per pin, mega-transfers per second (= Mbps per pin)'),
    ('usd_per_kwh', 'price', 'US dollars per kilowatt-hour (electricity)');

CREATE TABLE sources (
    id          TEXT PRIMARY KEY CHECK (id GLOB '[a-z0-9]*' AND id NOT GLOB '*[^a-z0-9_]*'),
    -- model_assumption: a modelling choice of TechRace's own, stated and argued in docs/MODEL.md (never a fact).
    kind        TEXT NOT NULL CHECK (kind IN ('seed_article', 'news', 'industry_report', 'government', 'law',
                                              'company', 'dataset', 'academic', 'model_assumption')),
    title       TEXT NOT NULL CHECK (length(title) > 0),
    publisher   TEXT NOT NULL CHECK (length(publisher) > 0),
    published   TEXT CHECK (published IS NULL OR published GLOB '[12][0-9][0-9][0-9]*'),
    -- A local copy of the source's text, which quotes are checked against verbatim: seeds/… and reference/… live in
    -- the shared folder beside the checkout, docs/… in this repository.
    text_file   TEXT CHECK (text_file IS NULL OR text_file GLOB 'seeds/[0-9][0-9][0-9]_*.txt'
                            OR text_file GLOB 'reference/*.md' OR text_file GLOB 'docs/*.md'),
    url         TEXT,
    -- A: official statistics, laws, company filings. B: established industry trackers and wire services.
    -- C: secondary analysis or trade press relaying others. D: unsourced commentary, known to contain errors.
    reliability TEXT NOT NULL CHECK (reliability IN ('A', 'B', 'C', 'D')),
    note        TEXT NOT NULL DEFAULT '',
    CHECK (kind <> 'seed_article' OR text_file GLOB 'seeds/*'),
    CHECK (kind <> 'model_assumption' OR (text_file GLOB 'docs/*' AND reliability = 'D')),
    CHECK (text_file IS NOT NULL OR url IS NOT NULL OR published IS NOT NULL)
) STRICT;

CREATE TABLE regions (
    id          TEXT PRIMARY KEY CHECK (id GLOB '[A-Z]*' AND length(id) BETWEEN 2 AND 3),
    name        TEXT NOT NULL,
    sort_order  INTEGER NOT NULL UNIQUE,
    description TEXT NOT NULL DEFAULT '',
    source_id   TEXT NOT NULL REFERENCES sources (id),
    quote       TEXT NOT NULL CHECK (length(quote) BETWEEN 3 AND 200)
) STRICT;

CREATE TABLE segments (
    id          TEXT PRIMARY KEY CHECK (id GLOB '[a-z]*' AND id NOT GLOB '*[^a-z0-9_]*'),
    name        TEXT NOT NULL,
    category    TEXT NOT NULL CHECK (category IN ('logic', 'memory', 'accelerator', 'equipment', 'packaging',
                                                  'material')),
    min_nm      REAL CHECK (min_nm IS NULL OR min_nm > 0),
    max_nm      REAL CHECK (max_nm IS NULL OR max_nm >= min_nm),
    sort_order  INTEGER NOT NULL UNIQUE,
    description TEXT NOT NULL DEFAULT '',
    source_id   TEXT NOT NULL REFERENCES sources (id),
    quote       TEXT NOT NULL CHECK (length(quote) BETWEEN 3 AND 200)
) STRICT;

CREATE TABLE companies (
    id          TEXT PRIMARY KEY CHECK (id GLOB '[a-z0-9]*' AND id NOT GLOB '*[^a-z0-9_]*'),
    name        TEXT NOT NULL,
    hq_region   TEXT NOT NULL REFERENCES regions (id),
    parent_id   TEXT REFERENCES companies (id),
    description TEXT NOT NULL DEFAULT '',
    source_id   TEXT NOT NULL REFERENCES sources (id),
    quote       TEXT NOT NULL CHECK (length(quote) BETWEEN 3 AND 200)
) STRICT;

CREATE TABLE company_roles (
    company_id  TEXT NOT NULL REFERENCES companies (id),
    role        TEXT NOT NULL CHECK (role IN ('foundry', 'idm', 'memory', 'fabless', 'ai_chip_designer',
                                              'equipment', 'materials', 'cloud', 'ai_lab', 'investor',
                                              'packaging', 'device_maker', 'state_agency', 'research')),
    PRIMARY KEY (company_id, role)
) STRICT;

CREATE TABLE process_nodes (
    id                    TEXT PRIMARY KEY CHECK (id GLOB '[a-z0-9]*' AND id NOT GLOB '*[^a-z0-9_]*'),
    name                  TEXT NOT NULL,
    nm                    REAL NOT NULL CHECK (nm > 0 AND nm < 1000),
    maker_id              TEXT REFERENCES companies (id),
    segment_id            TEXT REFERENCES segments (id),
    uses_euv              INTEGER CHECK (uses_euv IN (0, 1)),
    density_mtr_mm2       REAL CHECK (density_mtr_mm2 IS NULL OR density_mtr_mm2 > 0),
    first_mass_production TEXT CHECK (first_mass_production IS NULL OR first_mass_production GLOB '[12][0-9][0-9][0-9]*'),
    note                  TEXT NOT NULL DEFAULT '',
    source_id             TEXT NOT NULL REFERENCES sources (id),
    quote                 TEXT NOT NULL CHECK (length(quote) BETWEEN 3 AND 200)
) STRICT;

CREATE TABLE facilities (
    id               TEXT PRIMARY KEY CHECK (id GLOB '[a-z0-9]*' AND id NOT GLOB '*[^a-z0-9_]*'),
    name             TEXT NOT NULL,
    company_id       TEXT NOT NULL REFERENCES companies (id),
    region_id        TEXT NOT NULL REFERENCES regions (id),
    location         TEXT NOT NULL DEFAULT '',
    latitude         REAL CHECK (latitude IS NULL OR latitude BETWEEN -90 AND 90),
    longitude        REAL CHECK (longitude IS NULL OR longitude BETWEEN -180 AND 180),
    kind             TEXT NOT NULL CHECK (kind IN ('fab', 'pilot_line', 'packaging', 'data_centre', 'r_and_d')),
    node_id          TEXT REFERENCES process_nodes (id),
    segment_id       TEXT REFERENCES segments (id),
    capacity         REAL CHECK (capacity IS NULL OR capacity >= 0),
    capacity_unit    TEXT REFERENCES units (id),
    status           TEXT NOT NULL CHECK (status IN ('announced', 'planned', 'under_construction', 'pilot',
                                                     'operating', 'delayed', 'cancelled', 'closed')),
    announced        TEXT CHECK (announced IS NULL OR announced GLOB '[12][0-9][0-9][0-9]*'),
    production_start TEXT CHECK (production_start IS NULL OR production_start GLOB '[12][0-9][0-9][0-9]*'),
    note             TEXT NOT NULL DEFAULT '',
    source_id        TEXT NOT NULL REFERENCES sources (id),
    quote            TEXT NOT NULL CHECK (length(quote) BETWEEN 3 AND 200),
    CHECK ((capacity IS NULL) = (capacity_unit IS NULL))
) STRICT;

CREATE TABLE products (
    id              TEXT PRIMARY KEY CHECK (id GLOB '[a-z0-9]*' AND id NOT GLOB '*[^a-z0-9_]*'),
    name            TEXT NOT NULL,
    maker_id        TEXT NOT NULL REFERENCES companies (id),
    kind            TEXT NOT NULL CHECK (kind IN ('ai_accelerator', 'gpu', 'cpu', 'npu', 'soc', 'dram', 'hbm',
                                                  'nand', 'euv_tool', 'duv_tool', 'other_tool', 'other')),
    node_id         TEXT REFERENCES process_nodes (id),
    performance     REAL CHECK (performance IS NULL OR performance > 0),
    performance_unit TEXT REFERENCES units (id),
    memory_gb       REAL CHECK (memory_gb IS NULL OR memory_gb > 0),
    memory_type     TEXT,
    released        TEXT CHECK (released IS NULL OR released GLOB '[12][0-9][0-9][0-9]*'),
    note            TEXT NOT NULL DEFAULT '',
    source_id       TEXT NOT NULL REFERENCES sources (id),
    quote           TEXT NOT NULL CHECK (length(quote) BETWEEN 3 AND 200),
    CHECK ((performance IS NULL) = (performance_unit IS NULL))
) STRICT;

CREATE TABLE programmes (
    id              TEXT PRIMARY KEY CHECK (id GLOB '[a-z0-9]*' AND id NOT GLOB '*[^a-z0-9_]*'),
    name            TEXT NOT NULL,
    kind            TEXT NOT NULL CHECK (kind IN ('state_fund', 'subsidy', 'tax_credit', 'loan', 'budget',
                                                  'private_commitment', 'mixed')),
    region_id       TEXT NOT NULL REFERENCES regions (id),
    administrator   TEXT NOT NULL DEFAULT '',
    amount_native   REAL CHECK (amount_native IS NULL OR amount_native > 0),
    currency        TEXT REFERENCES units (id),
    amount_usd      REAL CHECK (amount_usd IS NULL OR amount_usd > 0),
    start_year      INTEGER CHECK (start_year IS NULL OR start_year BETWEEN 1990 AND 2050),
    end_year        INTEGER CHECK (end_year IS NULL OR end_year BETWEEN 1990 AND 2060),
    instruments     TEXT NOT NULL DEFAULT '',
    target_segments TEXT NOT NULL DEFAULT '',
    -- Who pays: totals of state funding count only 'state' rows.
    funder          TEXT NOT NULL DEFAULT 'state' CHECK (funder IN ('state', 'private', 'public_private', 'unknown')),
    -- A sub-package of another programme (its money is not additional): totals skip rows with part_of set.
    part_of         TEXT REFERENCES programmes (id) CHECK (part_of IS NULL OR part_of <> id),
    note            TEXT NOT NULL DEFAULT '',
    source_id       TEXT NOT NULL REFERENCES sources (id),
    quote           TEXT NOT NULL CHECK (length(quote) BETWEEN 3 AND 200),
    CHECK ((amount_native IS NULL) = (currency IS NULL)),
    CHECK (end_year IS NULL OR start_year IS NULL OR end_year >= start_year)
) STRICT;

CREATE TABLE policies (
    id            TEXT PRIMARY KEY CHECK (id GLOB '[a-z0-9]*' AND id NOT GLOB '*[^a-z0-9_]*'),
    name          TEXT NOT NULL,
    kind          TEXT NOT NULL CHECK (kind IN ('export_control', 'entity_listing', 'licence_approval',
                                                'mineral_export_control', 'legacy_chip_curb', 'mandate',
                                                'guardrail', 'tariff', 'investment_screening', 'suspension')),
    imposer_id    TEXT NOT NULL REFERENCES regions (id),
    target_id     TEXT REFERENCES regions (id),
    segment_id    TEXT REFERENCES segments (id),
    scope         TEXT NOT NULL,
    effective     TEXT CHECK (effective IS NULL OR effective GLOB '[12][0-9][0-9][0-9]*'),
    expiry        TEXT CHECK (expiry IS NULL OR expiry GLOB '[12][0-9][0-9][0-9]*'),
    status        TEXT NOT NULL CHECK (status IN ('proposed', 'in_force', 'suspended', 'lifted', 'rescinded',
                                                  'expired')),
    note          TEXT NOT NULL DEFAULT '',
    source_id     TEXT NOT NULL REFERENCES sources (id),
    quote         TEXT NOT NULL CHECK (length(quote) BETWEEN 3 AND 200),
    CHECK (expiry IS NULL OR effective IS NULL OR expiry >= effective)
) STRICT;

CREATE TABLE targets (
    id          TEXT PRIMARY KEY CHECK (id GLOB '[a-z0-9]*' AND id NOT GLOB '*[^a-z0-9_]*'),
    name        TEXT NOT NULL,
    kind        TEXT NOT NULL CHECK (kind IN ('government_target', 'company_goal', 'forecast')),
    region_id   TEXT REFERENCES regions (id),
    company_id  TEXT REFERENCES companies (id),
    segment_id  TEXT REFERENCES segments (id),
    metric      TEXT NOT NULL,
    value       REAL,
    unit        TEXT REFERENCES units (id),
    year        INTEGER NOT NULL CHECK (year BETWEEN 1990 AND 2060),
    set_by      TEXT NOT NULL DEFAULT '',
    note        TEXT NOT NULL DEFAULT '',
    source_id   TEXT NOT NULL REFERENCES sources (id),
    quote       TEXT NOT NULL CHECK (length(quote) BETWEEN 3 AND 200),
    CHECK ((value IS NULL) = (unit IS NULL))
) STRICT;

CREATE TABLE events (
    id          TEXT PRIMARY KEY CHECK (id GLOB '[a-z0-9]*' AND id NOT GLOB '*[^a-z0-9_]*'),
    date        TEXT NOT NULL CHECK (date GLOB '[12][0-9][0-9][0-9]*'),
    kind        TEXT NOT NULL CHECK (kind IN ('policy', 'funding', 'technology', 'production', 'corporate',
                                              'market', 'diplomacy', 'supply_shock')),
    title       TEXT NOT NULL,
    region_id   TEXT REFERENCES regions (id),
    company_id  TEXT REFERENCES companies (id),
    description TEXT NOT NULL DEFAULT '',
    source_id   TEXT NOT NULL REFERENCES sources (id),
    quote       TEXT NOT NULL CHECK (length(quote) BETWEEN 3 AND 200)
) STRICT;

-- Dated data series: what the model is calibrated against. One row per (series, subject, period, source).
CREATE TABLE observations (
    id          TEXT PRIMARY KEY CHECK (id GLOB '[a-z0-9]*' AND id NOT GLOB '*[^a-z0-9_]*'),
    series      TEXT NOT NULL CHECK (series GLOB '[a-z]*' AND series NOT GLOB '*[^a-z0-9_]*'),
    region_id   TEXT REFERENCES regions (id),
    company_id  TEXT REFERENCES companies (id),
    segment_id  TEXT REFERENCES segments (id),
    year        INTEGER NOT NULL CHECK (year BETWEEN 1980 AND 2060),
    period      TEXT NOT NULL DEFAULT '',
    value       REAL NOT NULL,
    unit        TEXT NOT NULL REFERENCES units (id),
    definition  TEXT NOT NULL,
    source_id   TEXT NOT NULL REFERENCES sources (id),
    quote       TEXT NOT NULL CHECK (length(quote) BETWEEN 3 AND 200),
    CHECK (unit <> 'percent' OR value BETWEEN 0 AND 100)
) STRICT;

-- A stated figure about an entity that is not a column of its own row (a fund's size in dollars as one article
-- puts it, a launch date as another does). Conflicting claims sit side by side and a conflict row links them.
CREATE TABLE claims (
    id            TEXT PRIMARY KEY CHECK (id GLOB '[a-z0-9]*' AND id NOT GLOB '*[^a-z0-9_]*'),
    subject_table TEXT NOT NULL CHECK (subject_table IN ('regions', 'segments', 'companies', 'process_nodes',
                                                         'facilities', 'products', 'programmes', 'policies',
                                                         'targets', 'events')),
    subject_id    TEXT NOT NULL,
    attribute     TEXT NOT NULL CHECK (attribute GLOB '[a-z]*' AND attribute NOT GLOB '*[^a-z0-9_]*'),
    value         REAL,
    value_text    TEXT,
    unit          TEXT REFERENCES units (id),
    as_of         TEXT CHECK (as_of IS NULL OR as_of GLOB '[12][0-9][0-9][0-9]*'),
    illustrative  INTEGER NOT NULL DEFAULT 0 CHECK (illustrative IN (0, 1)),
    source_id     TEXT NOT NULL REFERENCES sources (id),
    quote         TEXT NOT NULL CHECK (length(quote) BETWEEN 3 AND 200),
    CHECK (value IS NOT NULL OR value_text IS NOT NULL),
    CHECK (value IS NULL OR unit IS NOT NULL)
) STRICT;

CREATE TABLE parameters (
    id          TEXT PRIMARY KEY CHECK (id GLOB '[a-z]*' AND id NOT GLOB '*[^a-z0-9_.]*'),
    name        TEXT NOT NULL,
    value       REAL NOT NULL,
    low         REAL NOT NULL,
    high        REAL NOT NULL,
    unit        TEXT NOT NULL REFERENCES units (id),
    description TEXT NOT NULL,
    derivation  TEXT NOT NULL,
    source_id   TEXT NOT NULL REFERENCES sources (id),
    quote       TEXT NOT NULL CHECK (length(quote) BETWEEN 3 AND 200),
    CHECK (low <= value AND value <= high)
) STRICT;

-- Further sources for a row that already carries one.
CREATE TABLE citations (
    id          INTEGER PRIMARY KEY,
    table_name  TEXT NOT NULL CHECK (table_name IN ('regions', 'segments', 'companies', 'process_nodes',
                                                    'facilities', 'products', 'programmes', 'policies',
                                                    'targets', 'events', 'observations', 'claims',
                                                    'parameters')),
    row_id      TEXT NOT NULL,
    source_id   TEXT NOT NULL REFERENCES sources (id),
    quote       TEXT NOT NULL CHECK (length(quote) BETWEEN 3 AND 200),
    UNIQUE (table_name, row_id, source_id, quote)
) STRICT;

CREATE TABLE conflicts (
    id          TEXT PRIMARY KEY CHECK (id GLOB '[a-z0-9]*' AND id NOT GLOB '*[^a-z0-9_]*'),
    topic       TEXT NOT NULL,
    description TEXT NOT NULL,
    -- Which version the model uses, and why; never an average.
    model_uses  TEXT NOT NULL DEFAULT ''
) STRICT;

CREATE TABLE conflict_members (
    conflict_id TEXT NOT NULL REFERENCES conflicts (id),
    table_name  TEXT NOT NULL CHECK (table_name IN ('facilities', 'products', 'programmes', 'policies', 'targets',
                                                    'events', 'observations', 'claims', 'process_nodes')),
    row_id      TEXT NOT NULL,
    PRIMARY KEY (conflict_id, table_name, row_id)
) STRICT;
