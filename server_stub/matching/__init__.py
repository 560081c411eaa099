"""The matching of candidates and posts: applications, rankings, rounds."""
