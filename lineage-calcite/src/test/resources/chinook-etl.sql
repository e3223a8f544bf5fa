-- A nightly ETL over the Chinook sample database (PostgreSQL): a customer dimension, a sales fact,
-- a genre revenue view, enrichment updates, a merge and housekeeping.
CREATE SCHEMA IF NOT EXISTS mart;

CREATE TABLE mart.dim_customer (
    customer_key  BIGINT PRIMARY KEY,
    customer_id   INT NOT NULL,
    full_name     TEXT,
    email_domain  TEXT,
    country       TEXT,
    support_rep   TEXT
);

-- positional insert: the target's columns come from the CREATE TABLE above
INSERT INTO mart.dim_customer
SELECT row_number() OVER (ORDER BY c.customer_id),
       c.customer_id,
       c.first_name || ' ' || c.last_name,
       lower(split_part(c.email, '@', 2)),
       coalesce(c.country, 'Unknown'),
       e.first_name || ' ' || e.last_name
FROM customer c
LEFT JOIN employee e ON e.employee_id = c.support_rep_id;

CREATE TABLE mart.fct_sales AS
WITH lines AS (
    SELECT il.invoice_id, il.track_id, il.unit_price * il.quantity AS amount
    FROM invoice_line il
)
SELECT i.invoice_id,
       i.invoice_date::date AS invoice_day,
       i.customer_id,
       t.genre_id,
       sum(l.amount) AS revenue,
       count(*) AS line_count
FROM invoice i
JOIN lines l ON l.invoice_id = i.invoice_id
JOIN track t ON t.track_id = l.track_id
WHERE i.total > 0
GROUP BY i.invoice_id, i.invoice_date, i.customer_id, t.genre_id;

CREATE OR REPLACE VIEW mart.v_genre_revenue AS
SELECT g.name AS genre,
       sum(f.revenue) AS revenue,
       rank() OVER (ORDER BY sum(f.revenue) DESC) AS revenue_rank
FROM mart.fct_sales f
JOIN genre g ON g.genre_id = f.genre_id
GROUP BY g.name;

UPDATE mart.dim_customer d
SET country = upper(c.country)
FROM customer c
WHERE c.customer_id = d.customer_id
  AND c.country IS NOT NULL;

INSERT INTO mart.top_tracks (track_name, artist_name, album_title, units_sold)
SELECT t.name,
       ar.name,
       al.title,
       (SELECT sum(il.quantity) FROM invoice_line il WHERE il.track_id = t.track_id)
FROM track t
JOIN album al ON al.album_id = t.album_id
JOIN artist ar ON ar.artist_id = al.artist_id;

MERGE INTO mart.dim_customer AS d
USING (SELECT customer_id, email FROM customer) AS s
ON d.customer_id = s.customer_id
WHEN MATCHED THEN UPDATE SET email_domain = lower(split_part(s.email, '@', 2));

DELETE FROM mart.fct_sales WHERE invoice_day < DATE '2010-01-01';

SELECT genre, revenue FROM mart.v_genre_revenue WHERE revenue_rank <= 5 ORDER BY revenue DESC;
