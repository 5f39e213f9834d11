-- 公共查询 of 应用市场 and 服务商 (SPEC §15.5, issue 15): as migration 0009 for APP and 小程序, one
-- FTS5 trigram table per kind, rowid = filings.id. filing_name_grams / filing_gram_counts are keyed by
-- kind already and serve these kinds as they are. The three triggers of 0009 are replaced by the
-- same triggers feeding the four kinds' tables. 网址 / 许可证编号 look-ups use filing_keys (kind, ident).
CREATE VIRTUAL TABLE filing_app_store_name_fts USING fts5(name, tokenize = 'trigram');
--> statement-breakpoint
CREATE VIRTUAL TABLE filing_provider_name_fts USING fts5(name, tokenize = 'trigram');
--> statement-breakpoint
INSERT INTO filing_app_store_name_fts(rowid, name) SELECT id, name FROM filings WHERE kind = '应用市场' AND filing_digits IS NOT NULL ORDER BY id;
--> statement-breakpoint
INSERT INTO filing_provider_name_fts(rowid, name) SELECT id, name FROM filings WHERE kind = '服务商' AND filing_digits IS NOT NULL ORDER BY id;
--> statement-breakpoint
DROP TRIGGER filings_public_insert;
--> statement-breakpoint
DROP TRIGGER filings_public_update;
--> statement-breakpoint
DROP TRIGGER filings_public_delete;
--> statement-breakpoint
CREATE TRIGGER filings_public_insert AFTER INSERT ON filings WHEN new.filing_digits IS NOT NULL BEGIN
  INSERT INTO filing_app_name_fts(rowid, name) SELECT new.id, new.name WHERE new.kind = 'APP' AND new.filing_digits IS NOT NULL;
  INSERT INTO filing_mini_program_name_fts(rowid, name) SELECT new.id, new.name WHERE new.kind = '小程序' AND new.filing_digits IS NOT NULL;
  INSERT INTO filing_app_store_name_fts(rowid, name) SELECT new.id, new.name WHERE new.kind = '应用市场' AND new.filing_digits IS NOT NULL;
  INSERT INTO filing_provider_name_fts(rowid, name) SELECT new.id, new.name WHERE new.kind = '服务商' AND new.filing_digits IS NOT NULL;
  INSERT INTO filing_name_grams(kind, gram, filing_id) SELECT new.kind, g, new.id FROM (SELECT lower(substr(new.name, n, 1)) AS g FROM public_seq WHERE n <= length(new.name) UNION SELECT lower(substr(new.name, n, 2)) FROM public_seq WHERE n < length(new.name)) WHERE new.filing_digits IS NOT NULL;
  INSERT INTO filing_gram_counts(kind, gram, n) SELECT new.kind, g, 1 FROM (SELECT lower(substr(new.name, n, 1)) AS g FROM public_seq WHERE n <= length(new.name) UNION SELECT lower(substr(new.name, n, 2)) FROM public_seq WHERE n < length(new.name)) WHERE new.filing_digits IS NOT NULL ON CONFLICT(kind, gram) DO UPDATE SET n = n + 1;
END;
--> statement-breakpoint
CREATE TRIGGER filings_public_update AFTER UPDATE OF kind, name, filing_digits ON filings
WHEN old.kind IS NOT new.kind OR old.name IS NOT new.name OR old.filing_digits IS NOT new.filing_digits BEGIN
  DELETE FROM filing_app_name_fts WHERE rowid = old.id AND old.kind = 'APP' AND old.filing_digits IS NOT NULL;
  DELETE FROM filing_mini_program_name_fts WHERE rowid = old.id AND old.kind = '小程序' AND old.filing_digits IS NOT NULL;
  DELETE FROM filing_app_store_name_fts WHERE rowid = old.id AND old.kind = '应用市场' AND old.filing_digits IS NOT NULL;
  DELETE FROM filing_provider_name_fts WHERE rowid = old.id AND old.kind = '服务商' AND old.filing_digits IS NOT NULL;
  DELETE FROM filing_name_grams WHERE old.filing_digits IS NOT NULL AND kind = old.kind AND filing_id = old.id AND gram IN (SELECT lower(substr(old.name, n, 1)) AS g FROM public_seq WHERE n <= length(old.name) UNION SELECT lower(substr(old.name, n, 2)) FROM public_seq WHERE n < length(old.name));
  UPDATE filing_gram_counts SET n = n - 1 WHERE old.filing_digits IS NOT NULL AND kind = old.kind AND gram IN (SELECT lower(substr(old.name, n, 1)) AS g FROM public_seq WHERE n <= length(old.name) UNION SELECT lower(substr(old.name, n, 2)) FROM public_seq WHERE n < length(old.name));
  INSERT INTO filing_app_name_fts(rowid, name) SELECT new.id, new.name WHERE new.kind = 'APP' AND new.filing_digits IS NOT NULL;
  INSERT INTO filing_mini_program_name_fts(rowid, name) SELECT new.id, new.name WHERE new.kind = '小程序' AND new.filing_digits IS NOT NULL;
  INSERT INTO filing_app_store_name_fts(rowid, name) SELECT new.id, new.name WHERE new.kind = '应用市场' AND new.filing_digits IS NOT NULL;
  INSERT INTO filing_provider_name_fts(rowid, name) SELECT new.id, new.name WHERE new.kind = '服务商' AND new.filing_digits IS NOT NULL;
  INSERT INTO filing_name_grams(kind, gram, filing_id) SELECT new.kind, g, new.id FROM (SELECT lower(substr(new.name, n, 1)) AS g FROM public_seq WHERE n <= length(new.name) UNION SELECT lower(substr(new.name, n, 2)) FROM public_seq WHERE n < length(new.name)) WHERE new.filing_digits IS NOT NULL;
  INSERT INTO filing_gram_counts(kind, gram, n) SELECT new.kind, g, 1 FROM (SELECT lower(substr(new.name, n, 1)) AS g FROM public_seq WHERE n <= length(new.name) UNION SELECT lower(substr(new.name, n, 2)) FROM public_seq WHERE n < length(new.name)) WHERE new.filing_digits IS NOT NULL ON CONFLICT(kind, gram) DO UPDATE SET n = n + 1;
END;
--> statement-breakpoint
CREATE TRIGGER filings_public_delete AFTER DELETE ON filings WHEN old.filing_digits IS NOT NULL BEGIN
  DELETE FROM filing_app_name_fts WHERE rowid = old.id AND old.kind = 'APP' AND old.filing_digits IS NOT NULL;
  DELETE FROM filing_mini_program_name_fts WHERE rowid = old.id AND old.kind = '小程序' AND old.filing_digits IS NOT NULL;
  DELETE FROM filing_app_store_name_fts WHERE rowid = old.id AND old.kind = '应用市场' AND old.filing_digits IS NOT NULL;
  DELETE FROM filing_provider_name_fts WHERE rowid = old.id AND old.kind = '服务商' AND old.filing_digits IS NOT NULL;
  DELETE FROM filing_name_grams WHERE old.filing_digits IS NOT NULL AND kind = old.kind AND filing_id = old.id AND gram IN (SELECT lower(substr(old.name, n, 1)) AS g FROM public_seq WHERE n <= length(old.name) UNION SELECT lower(substr(old.name, n, 2)) FROM public_seq WHERE n < length(old.name));
  UPDATE filing_gram_counts SET n = n - 1 WHERE old.filing_digits IS NOT NULL AND kind = old.kind AND gram IN (SELECT lower(substr(old.name, n, 1)) AS g FROM public_seq WHERE n <= length(old.name) UNION SELECT lower(substr(old.name, n, 2)) FROM public_seq WHERE n < length(old.name));
END;
