from enum import StrEnum


class DeploymentEnvironment(StrEnum):
    PREVIEW = "preview"
    PRODUCTION = "production"

    def __str__(self) -> str:
        return str(self.value)
