-- Readable aid-request numbers ("2026-0007") come from one sequence per year, so filings never
-- wait for each other. The years a deployment will see are created here, ahead of time; a year
-- outside this range gets its sequence from the first filing (src/store/aid-requests.ts).
-- Each starts after any number already given in its year.
DO $$
DECLARE
  y int;
  used int;
BEGIN
  FOR y IN 2024..2100 LOOP
    SELECT coalesce(max(split_part("number", '-', 2)::int), 0) INTO used FROM "AidRequest" WHERE "number" LIKE y || '-%';
    EXECUTE format('CREATE SEQUENCE IF NOT EXISTS %I START WITH %s', 'AidRequestNumber_' || y, used + 1);
  END LOOP;
END $$;
