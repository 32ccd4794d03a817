\set customer random(1, 10000)
BEGIN;
INSERT INTO orders (customer_id, status, amount, created_at, note) VALUES (:customer, 'NEW', 123.45, now(), 'express gift fragile');
COMMIT;
