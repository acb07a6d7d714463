from enum import StrEnum


class StageName(StrEnum):
    BUILD = "build"
    CLONE_REPO = "clone_repo"
    DEPLOY = "deploy"
    INITIALIZE = "initialize"
    QUEUED = "queued"

    def __str__(self) -> str:
        return str(self.value)
