"""Reference lists behind the demo data: French names, subdivisions, specialties, hospitals.

Kept apart from the generator (`server_stub.demo`) so that it reads as logic and the lists
can be checked (and corrected) by someone who knows the French hospital landscape.
"""
