-- 公共查询 of APP and 小程序 (SPEC §15.5): name search over every filing that was given a number,
-- cancelled ones included (shown as 已注销, as websites are: migration 0005), each kind apart.
--   * filing_app_name_fts, filing_mini_program_name_fts: FTS5 trigram indexes, one per kind (an
--     APP name search never reads 小程序 rows, and counting up to the cap stays one index scan);
--     rowid = filings.id. A new kind (应用市场, 服务商) adds its own table and trigger lines.
--   * filing_name_grams: every distinct one- and two-character substring of a name, keyed by
--     (kind, gram, filing_id), serves the short queries trigrams cannot; filing_gram_counts keeps
--     their totals per (kind, gram) for pagination.
-- Kept by triggers on filings (insert, rename, numbering, delete). The status is not part of the
-- index: a number, once given, stays public (已备案, 变更中, 注销中, 已注销 alike). public_seq
-- (migration 0005, 1..200) numbers the character positions; names are at most 50 characters.
-- 包名 / 小程序ID look-ups use filing_keys (kind, ident) of migration 0008: no index here.
CREATE VIRTUAL TABLE filing_app_name_fts USING fts5(name, tokenize = 'trigram');
--> statement-breakpoint
CREATE VIRTUAL TABLE filing_mini_program_name_fts USING fts5(name, tokenize = 'trigram');
--> statement-breakpoint
CREATE TABLE filing_name_grams (kind TEXT NOT NULL, gram TEXT NOT NULL, filing_id INTEGER NOT NULL, PRIMARY KEY (kind, gram, filing_id)) WITHOUT ROWID;
--> statement-breakpoint
CREATE TABLE filing_gram_counts (kind TEXT NOT NULL, gram TEXT NOT NULL, n INTEGER NOT NULL, PRIMARY KEY (kind, gram)) WITHOUT ROWID;
--> statement-breakpoint
INSERT INTO filing_app_name_fts(rowid, name) SELECT id, name FROM filings WHERE kind = 'APP' AND filing_digits IS NOT NULL ORDER BY id;
--> statement-breakpoint
INSERT INTO filing_mini_program_name_fts(rowid, name) SELECT id, name FROM filings WHERE kind = '小程序' AND filing_digits IS NOT NULL ORDER BY id;
--> statement-breakpoint
-- Straight into the primary key (repeated grams of one name ignored): no temporary b-tree for a DISTINCT.
INSERT OR IGNORE INTO filing_name_grams(kind, gram, filing_id)
  SELECT f.kind, lower(substr(f.name, s.n, 1)), f.id FROM filings f CROSS JOIN public_seq s ON s.n <= length(f.name) WHERE f.filing_digits IS NOT NULL;
--> statement-breakpoint
INSERT OR IGNORE INTO filing_name_grams(kind, gram, filing_id)
  SELECT f.kind, lower(substr(f.name, s.n, 2)), f.id FROM filings f CROSS JOIN public_seq s ON s.n < length(f.name) WHERE f.filing_digits IS NOT NULL;
--> statement-breakpoint
INSERT INTO filing_gram_counts(kind, gram, n) SELECT kind, gram, count(*) FROM filing_name_grams GROUP BY kind, gram;
--> statement-breakpoint
CREATE TRIGGER filings_public_insert AFTER INSERT ON filings WHEN new.filing_digits IS NOT NULL BEGIN
  INSERT INTO filing_app_name_fts(rowid, name) SELECT new.id, new.name WHERE new.kind = 'APP' AND new.filing_digits IS NOT NULL;
  INSERT INTO filing_mini_program_name_fts(rowid, name) SELECT new.id, new.name WHERE new.kind = '小程序' AND new.filing_digits IS NOT NULL;
  INSERT INTO filing_name_grams(kind, gram, filing_id) SELECT new.kind, g, new.id FROM (SELECT lower(substr(new.name, n, 1)) AS g FROM public_seq WHERE n <= length(new.name) UNION SELECT lower(substr(new.name, n, 2)) FROM public_seq WHERE n < length(new.name)) WHERE new.filing_digits IS NOT NULL;
  INSERT INTO filing_gram_counts(kind, gram, n) SELECT new.kind, g, 1 FROM (SELECT lower(substr(new.name, n, 1)) AS g FROM public_seq WHERE n <= length(new.name) UNION SELECT lower(substr(new.name, n, 2)) FROM public_seq WHERE n < length(new.name)) WHERE new.filing_digits IS NOT NULL ON CONFLICT(kind, gram) DO UPDATE SET n = n + 1;
END;
--> statement-breakpoint
CREATE TRIGGER filings_public_update AFTER UPDATE OF kind, name, filing_digits ON filings
WHEN old.kind IS NOT new.kind OR old.name IS NOT new.name OR old.filing_digits IS NOT new.filing_digits BEGIN
  DELETE FROM filing_app_name_fts WHERE rowid = old.id AND old.kind = 'APP' AND old.filing_digits IS NOT NULL;
  DELETE FROM filing_mini_program_name_fts WHERE rowid = old.id AND old.kind = '小程序' AND old.filing_digits IS NOT NULL;
  DELETE FROM filing_name_grams WHERE old.filing_digits IS NOT NULL AND kind = old.kind AND filing_id = old.id AND gram IN (SELECT lower(substr(old.name, n, 1)) AS g FROM public_seq WHERE n <= length(old.name) UNION SELECT lower(substr(old.name, n, 2)) FROM public_seq WHERE n < length(old.name));
  UPDATE filing_gram_counts SET n = n - 1 WHERE old.filing_digits IS NOT NULL AND kind = old.kind AND gram IN (SELECT lower(substr(old.name, n, 1)) AS g FROM public_seq WHERE n <= length(old.name) UNION SELECT lower(substr(old.name, n, 2)) FROM public_seq WHERE n < length(old.name));
  INSERT INTO filing_app_name_fts(rowid, name) SELECT new.id, new.name WHERE new.kind = 'APP' AND new.filing_digits IS NOT NULL;
  INSERT INTO filing_mini_program_name_fts(rowid, name) SELECT new.id, new.name WHERE new.kind = '小程序' AND new.filing_digits IS NOT NULL;
  INSERT INTO filing_name_grams(kind, gram, filing_id) SELECT new.kind, g, new.id FROM (SELECT lower(substr(new.name, n, 1)) AS g FROM public_seq WHERE n <= length(new.name) UNION SELECT lower(substr(new.name, n, 2)) FROM public_seq WHERE n < length(new.name)) WHERE new.filing_digits IS NOT NULL;
  INSERT INTO filing_gram_counts(kind, gram, n) SELECT new.kind, g, 1 FROM (SELECT lower(substr(new.name, n, 1)) AS g FROM public_seq WHERE n <= length(new.name) UNION SELECT lower(substr(new.name, n, 2)) FROM public_seq WHERE n < length(new.name)) WHERE new.filing_digits IS NOT NULL ON CONFLICT(kind, gram) DO UPDATE SET n = n + 1;
END;
--> statement-breakpoint
CREATE TRIGGER filings_public_delete AFTER DELETE ON filings WHEN old.filing_digits IS NOT NULL BEGIN
  DELETE FROM filing_app_name_fts WHERE rowid = old.id AND old.kind = 'APP' AND old.filing_digits IS NOT NULL;
  DELETE FROM filing_mini_program_name_fts WHERE rowid = old.id AND old.kind = '小程序' AND old.filing_digits IS NOT NULL;
  DELETE FROM filing_name_grams WHERE old.filing_digits IS NOT NULL AND kind = old.kind AND filing_id = old.id AND gram IN (SELECT lower(substr(old.name, n, 1)) AS g FROM public_seq WHERE n <= length(old.name) UNION SELECT lower(substr(old.name, n, 2)) FROM public_seq WHERE n < length(old.name));
  UPDATE filing_gram_counts SET n = n - 1 WHERE old.filing_digits IS NOT NULL AND kind = old.kind AND gram IN (SELECT lower(substr(old.name, n, 1)) AS g FROM public_seq WHERE n <= length(old.name) UNION SELECT lower(substr(old.name, n, 2)) FROM public_seq WHERE n < length(old.name));
END;
