from enum import StrEnum


class PreviewDeploymentSetting(StrEnum):
    ALL = "all"
    CUSTOM = "custom"
    NONE = "none"

    def __str__(self) -> str:
        return str(self.value)
