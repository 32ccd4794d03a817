\set round random(1, 1000000)
BEGIN;
UPDATE orders SET amount = ((id * 7919 + :round) % 1000000) / 100.0 WHERE id <= 10000;
COMMIT;
VACUUM orders;
