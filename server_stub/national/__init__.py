"""The national choice of posts: students pass one at a time in a virtual amphitheatre."""
