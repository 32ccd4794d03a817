# Sourced by the scripts: sets JAVA to a java 21 or newer, or stops with what to install.
# Looks where JDKs usually are: JAVA_HOME, the PATH, /usr/lib/jvm, macOS and SDKMAN folders.

java_feature_version() {
  "$1" -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java\.specification\.version = //p' | head -n 1
}

find_java() {
  local candidate version
  for candidate in ${JAVA_HOME:+"$JAVA_HOME/bin/java"} "$(command -v java 2>/dev/null)" \
      /usr/lib/jvm/*/bin/java /Library/Java/JavaVirtualMachines/*/Contents/Home/bin/java \
      "$HOME"/.sdkman/candidates/java/*/bin/java; do
    [ -x "$candidate" ] || continue
    version=$(java_feature_version "$candidate")
    if [ -n "$version" ] && [ "${version%%.*}" -ge 21 ] 2>/dev/null; then
      JAVA=$candidate
      return 0
    fi
  done
  echo "batchbench needs a JDK 21 or newer and found none (looked at JAVA_HOME, PATH, /usr/lib/jvm," >&2
  echo "macOS and SDKMAN folders). Install one, e.g. 'apt install openjdk-21-jdk' or 'sdk install java 21-tem'," >&2
  echo "or point JAVA_HOME at it." >&2
  return 1
}

find_java || exit 1
