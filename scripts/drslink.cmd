@echo off
rem drslink launcher for Windows (the release archive's bin\drslink.cmd). Runs lib\drslink.jar with the client
rem compiler only, which starts fastest for a command-line run (docs/performance.md). The class-data archive is
rem used by bin/drslink on Linux and macOS; here the JVM starts without it.
setlocal
set "DRSLINK_HOME=%~dp0.."
if defined DRSLINK_JAR (set "JAR=%DRSLINK_JAR%") else (set "JAR=%DRSLINK_HOME%\lib\drslink.jar")
if defined JAVA_HOME (set "JAVA=%JAVA_HOME%\bin\java.exe") else (set "JAVA=java")
"%JAVA%" -XX:TieredStopAtLevel=1 -XX:CICompilerCount=1 -jar "%JAR%" %*
exit /b %ERRORLEVEL%
