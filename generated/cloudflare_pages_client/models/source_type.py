from enum import StrEnum


class SourceType(StrEnum):
    GITHUB = "github"
    GITLAB = "gitlab"

    def __str__(self) -> str:
        return str(self.value)
