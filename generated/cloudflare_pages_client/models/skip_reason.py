from enum import StrEnum


class SkipReason(StrEnum):
    BRANCH_CONFIG = "branch_config"
    COMMIT_MESSAGE = "commit_message"
    PAGES_TO_WORKERS_CONVERSION = "pages_to_workers_conversion"
    PATH_CONFIG = "path_config"
    PREVIEW_DEPLOYMENTS_DISABLED = "preview_deployments_disabled"
    PRODUCTION_DEPLOYMENTS_DISABLED = "production_deployments_disabled"
    SUPERSEDED_QUEUED_BUILD = "superseded_queued_build"

    def __str__(self) -> str:
        return str(self.value)
