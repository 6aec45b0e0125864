-- A complaint's response with its note (R15; issue 12 item 5: "respond and resolve with notes"): what was told to
-- the buyer when the complaint was first answered — the resolution already has its own text. Shared like the other
-- complaint fields. Existing books: no note on any response yet.
ALTER TABLE complaints ADD COLUMN response_note TEXT;
