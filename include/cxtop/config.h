/* config.h — YAML files cxtop reads (libyaml lives only here). */
#ifndef CXTOP_CONFIG_H
#define CXTOP_CONFIG_H

/* Version of the libyaml library in use, for --version. */
const char *cx_config_yaml_version(void);

#endif
