#!/bin/sh
# Enables WildFly's micrometer subsystem on the unpacked server, before it starts, with its Prometheus registry: the
# metrics of every deployment (processpool's pools included) at http://<management address>/prometheus. That
# registry is at the "community" stability level, so the server starts with --stability=community (arquillian.xml).
#   enable-metrics.sh <wildfly home>
# Offline (embed-server): no port is opened. A server already configured is left as it is.
set -eu
home=$1
if grep -q 'org.wildfly.extension.micrometer' "$home/standalone/configuration/standalone.xml"; then
    exit 0
fi
"$home/bin/jboss-cli.sh" --commands="embed-server --stability=community --server-config=standalone.xml,\
/extension=org.wildfly.extension.micrometer:add,\
/subsystem=micrometer:add(exposed-subsystems=[\"*\"]),\
/subsystem=micrometer/registry=prometheus:add(context=/prometheus,security-enabled=false),\
stop-embedded-server"
