-- Placeholder: number 3 is reserved for the receive path (helper pgrecv, issue #14), built in
-- parallel. Migrations must be numbered without gaps, so 0004 needs a 0003 to exist. When the
-- receive path's own 0003 file is merged, this file is deleted (it changes nothing).
SELECT 1;
