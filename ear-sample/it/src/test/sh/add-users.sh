#!/bin/sh
# The ITs' application users, in WildFly's ApplicationRealm (the security domain "other" the sample's admin uses),
# made with WildFly's own bin/add-user.sh on the unpacked server before it starts:
#   add-users.sh <wildfly home> <admin user> <admin password> <user without the role> <its password>
# A user already there (an unpacked server reused) is left as it is.
set -eu
home=$1
users=$home/standalone/configuration/application-users.properties
add() {
    if grep -q "^$1=" "$users" 2>/dev/null; then
        return 0
    fi
    "$home/bin/add-user.sh" -a -s -u "$1" -p "$2" -g "$3"
}
add "$2" "$3" processpool-admin
add "$4" "$5" sample-user
