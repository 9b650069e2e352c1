/* yaml_version.c — which libyaml cxtop runs with. */
#include <yaml.h>

#include "cxtop/config.h"

const char *cx_config_yaml_version(void)
{
	return yaml_get_version_string();
}
