"""Screens of the matching area (SiiMOP): supervisors' posts and rankings, students'
applications, coordinators' and staff's follow-up."""
