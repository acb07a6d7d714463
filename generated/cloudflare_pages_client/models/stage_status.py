from enum import StrEnum


class StageStatus(StrEnum):
    ACTIVE = "active"
    CANCELED = "canceled"
    FAILURE = "failure"
    IDLE = "idle"
    SKIPPED = "skipped"
    SUCCESS = "success"

    def __str__(self) -> str:
        return str(self.value)
