CREATE FUNCTION f() RETURNS int AS $$ SELECT 1; $$ LANGUAGE sql;
CREATE TRIGGER t BEFORE INSERT ON x FOR EACH ROW BEGIN SET NEW.a = 1; END;
-- migrate:statement-begin
DO $x$ BEGIN END $x$;
-- migrate:statement-end
