#!/usr/bin/env bash
# Installs EclipseLink into a WildFly installation's org.eclipse.persistence module, the way WildFly's
# JPA reference guide describes ("Migrating from EclipseLink"): the EclipseLink jars become resource
# roots of modules/system/layers/base/org/eclipse/persistence/main/module.xml, beside the
# jipijapa-eclipselink integration jar that WildFly ships there, and the module gains the JDK modules
# EclipseLink uses (without java.rmi: NoClassDefFoundError java/rmi/RemoteException).
#
#   deploy/wildfly/install-eclipselink.sh JBOSS_HOME JAR...
#
# JAR: org.eclipse.persistence.jpa, .core, .jpa.jpql and .asm (run.sh passes the 4.0.7 set it fetched
# with Maven). Running it again changes nothing. Restart the server afterwards.
set -euo pipefail

if [[ $# -lt 2 ]]; then
  echo "usage: $0 JBOSS_HOME ECLIPSELINK_JAR..." >&2
  exit 2
fi
jboss_home=$1
shift
module_dir=$jboss_home/modules/system/layers/base/org/eclipse/persistence/main
module_xml=$module_dir/module.xml
if [[ ! -f $module_xml ]]; then
  echo "install-eclipselink: $module_xml not found: is $jboss_home a WildFly installation?" >&2
  exit 2
fi

resources=
for jar in "$@"; do
  name=$(basename "$jar")
  cp -f "$jar" "$module_dir/$name"
  if ! grep -q "path=\"$name\"" "$module_xml"; then
    resources+="        <resource-root path=\"$name\"/>\n"
  fi
done

dependencies=
for module in java.desktop java.instrument java.rmi java.sql java.xml jdk.unsupported; do
  if ! grep -q "<module name=\"$module\"" "$module_xml"; then
    dependencies+="        <module name=\"$module\"/>\n"
  fi
done

# Insert right after the opening <resources> and <dependencies> tags; keep a copy of the original.
[[ -f $module_xml.orig ]] || cp "$module_xml" "$module_xml.orig"
sed -i -e "s|^\(\s*<resources>\)\s*$|\1\n${resources%\\n}|" \
  -e "s|^\(\s*<dependencies>\)\s*$|\1\n${dependencies%\\n}|" "$module_xml"
# An empty insertion leaves a blank line behind: drop blank lines so a second run changes nothing.
sed -i -e '/^\s*$/d' "$module_xml"
echo "install-eclipselink: $module_xml lists $(grep -c 'resource-root' "$module_xml") resource roots"
