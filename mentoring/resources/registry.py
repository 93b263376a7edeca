"""The resource of each base, by the base's name in URLs and jobs."""

from mentoring.resources.mentees import MenteeResource
from mentoring.resources.mentors import MentorResource

RESOURCES = {"mentees": MenteeResource, "mentors": MentorResource}
