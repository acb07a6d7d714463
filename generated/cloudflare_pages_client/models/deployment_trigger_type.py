from enum import StrEnum


class DeploymentTriggerType(StrEnum):
    AD_HOC = "ad_hoc"
    DEPLOY_HOOK = "deploy_hook"
    GITHUB_PUSH = "github:push"

    def __str__(self) -> str:
        return str(self.value)
