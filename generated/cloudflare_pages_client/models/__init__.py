"""Contains all the data models used in inputs/outputs"""

from .build_config import BuildConfig
from .deployment import Deployment
from .deployment_envelope import DeploymentEnvelope
from .deployment_environment import DeploymentEnvironment
from .deployment_trigger import DeploymentTrigger
from .deployment_trigger_metadata import DeploymentTriggerMetadata
from .deployment_trigger_type import DeploymentTriggerType
from .env_vars import EnvVars
from .error_envelope import ErrorEnvelope
from .flat_error import FlatError
from .plain_text_env_var import PlainTextEnvVar
from .preview_deployment_setting import PreviewDeploymentSetting
from .response_message import ResponseMessage
from .response_message_source import ResponseMessageSource
from .secret_text_env_var import SecretTextEnvVar
from .skip_reason import SkipReason
from .source import Source
from .source_config import SourceConfig
from .source_type import SourceType
from .stage import Stage
from .stage_name import StageName
from .stage_status import StageStatus
from .untyped_env_var import UntypedEnvVar

__all__ = (
    "BuildConfig",
    "Deployment",
    "DeploymentEnvelope",
    "DeploymentEnvironment",
    "DeploymentTrigger",
    "DeploymentTriggerMetadata",
    "DeploymentTriggerType",
    "EnvVars",
    "ErrorEnvelope",
    "FlatError",
    "PlainTextEnvVar",
    "PreviewDeploymentSetting",
    "ResponseMessage",
    "ResponseMessageSource",
    "SecretTextEnvVar",
    "SkipReason",
    "Source",
    "SourceConfig",
    "SourceType",
    "Stage",
    "StageName",
    "StageStatus",
    "UntypedEnvVar",
)
