"""The regional amphitheatres: sessions, call lists, favourites and the live choice of posts."""
