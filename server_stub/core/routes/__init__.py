"""Routes shared by every procedure: health, sign-in, account, staff, events, public, pages."""
