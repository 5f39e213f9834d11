-- 公共查询 (SPEC §10.2, §13): name search over every website that was given a filing number
-- (cancelled ones included: they are shown as 已注销).
--   * public_name_fts: FTS5 trigram index, serves queries of three characters or more;
--   * public_name_grams: every distinct one- and two-character substring of the name, serves the
--     short queries trigrams cannot; public_gram_counts keeps their totals for pagination.
-- Kept by triggers on websites (insert, rename, numbering, delete); public_seq numbers the
-- character positions because trigger bodies cannot use recursive CTEs. Names are at most 50
-- characters (the form's limit); public_seq goes to 200.
CREATE VIRTUAL TABLE public_name_fts USING fts5(name, tokenize = 'trigram');
--> statement-breakpoint
CREATE TABLE public_seq (n INTEGER PRIMARY KEY);
--> statement-breakpoint
WITH RECURSIVE s(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM s WHERE n < 200) INSERT INTO public_seq(n) SELECT n FROM s;
--> statement-breakpoint
CREATE TABLE public_name_grams (gram TEXT NOT NULL, website_id INTEGER NOT NULL, PRIMARY KEY (gram, website_id)) WITHOUT ROWID;
--> statement-breakpoint
CREATE TABLE public_gram_counts (gram TEXT PRIMARY KEY NOT NULL, n INTEGER NOT NULL) WITHOUT ROWID;
--> statement-breakpoint
INSERT INTO public_name_fts(rowid, name) SELECT id, name FROM websites WHERE filing_digits IS NOT NULL;
--> statement-breakpoint
INSERT INTO public_name_grams(gram, website_id)
  SELECT DISTINCT lower(substr(w.name, s.n, 1)), w.id FROM websites w JOIN public_seq s ON s.n <= length(w.name) WHERE w.filing_digits IS NOT NULL
  UNION SELECT lower(substr(w.name, s.n, 2)), w.id FROM websites w JOIN public_seq s ON s.n < length(w.name) WHERE w.filing_digits IS NOT NULL;
--> statement-breakpoint
INSERT INTO public_gram_counts(gram, n) SELECT gram, count(*) FROM public_name_grams GROUP BY gram;
--> statement-breakpoint
CREATE TRIGGER websites_public_insert AFTER INSERT ON websites WHEN new.filing_digits IS NOT NULL BEGIN
  INSERT INTO public_name_fts(rowid, name) SELECT new.id, new.name WHERE new.filing_digits IS NOT NULL;
  INSERT INTO public_name_grams(gram, website_id) SELECT g, new.id FROM (SELECT lower(substr(new.name, n, 1)) AS g FROM public_seq WHERE n <= length(new.name) UNION SELECT lower(substr(new.name, n, 2)) FROM public_seq WHERE n < length(new.name)) WHERE new.filing_digits IS NOT NULL;
  INSERT INTO public_gram_counts(gram, n) SELECT g, 1 FROM (SELECT lower(substr(new.name, n, 1)) AS g FROM public_seq WHERE n <= length(new.name) UNION SELECT lower(substr(new.name, n, 2)) FROM public_seq WHERE n < length(new.name)) WHERE new.filing_digits IS NOT NULL ON CONFLICT(gram) DO UPDATE SET n = n + 1;
END;
--> statement-breakpoint
CREATE TRIGGER websites_public_update AFTER UPDATE OF name, filing_digits ON websites
WHEN old.name IS NOT new.name OR old.filing_digits IS NOT new.filing_digits BEGIN
  DELETE FROM public_name_fts WHERE rowid = old.id AND old.filing_digits IS NOT NULL;
  DELETE FROM public_name_grams WHERE old.filing_digits IS NOT NULL AND website_id = old.id AND gram IN (SELECT lower(substr(old.name, n, 1)) AS g FROM public_seq WHERE n <= length(old.name) UNION SELECT lower(substr(old.name, n, 2)) FROM public_seq WHERE n < length(old.name));
  UPDATE public_gram_counts SET n = n - 1 WHERE old.filing_digits IS NOT NULL AND gram IN (SELECT lower(substr(old.name, n, 1)) AS g FROM public_seq WHERE n <= length(old.name) UNION SELECT lower(substr(old.name, n, 2)) FROM public_seq WHERE n < length(old.name));
  INSERT INTO public_name_fts(rowid, name) SELECT new.id, new.name WHERE new.filing_digits IS NOT NULL;
  INSERT INTO public_name_grams(gram, website_id) SELECT g, new.id FROM (SELECT lower(substr(new.name, n, 1)) AS g FROM public_seq WHERE n <= length(new.name) UNION SELECT lower(substr(new.name, n, 2)) FROM public_seq WHERE n < length(new.name)) WHERE new.filing_digits IS NOT NULL;
  INSERT INTO public_gram_counts(gram, n) SELECT g, 1 FROM (SELECT lower(substr(new.name, n, 1)) AS g FROM public_seq WHERE n <= length(new.name) UNION SELECT lower(substr(new.name, n, 2)) FROM public_seq WHERE n < length(new.name)) WHERE new.filing_digits IS NOT NULL ON CONFLICT(gram) DO UPDATE SET n = n + 1;
END;
--> statement-breakpoint
CREATE TRIGGER websites_public_delete AFTER DELETE ON websites WHEN old.filing_digits IS NOT NULL BEGIN
  DELETE FROM public_name_fts WHERE rowid = old.id AND old.filing_digits IS NOT NULL;
  DELETE FROM public_name_grams WHERE old.filing_digits IS NOT NULL AND website_id = old.id AND gram IN (SELECT lower(substr(old.name, n, 1)) AS g FROM public_seq WHERE n <= length(old.name) UNION SELECT lower(substr(old.name, n, 2)) FROM public_seq WHERE n < length(old.name));
  UPDATE public_gram_counts SET n = n - 1 WHERE old.filing_digits IS NOT NULL AND gram IN (SELECT lower(substr(old.name, n, 1)) AS g FROM public_seq WHERE n <= length(old.name) UNION SELECT lower(substr(old.name, n, 2)) FROM public_seq WHERE n < length(old.name));
END;
