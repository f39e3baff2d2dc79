<#
.SYNOPSIS
  TrayPop's TCP line protocol from PowerShell (Windows PowerShell 5.1 or PowerShell 7):
  one JSON object per line to 127.0.0.1:47471, one JSON reply line back per event.

.DESCRIPTION
  Where it goes: a softphone or PBX-client hook that can run PowerShell, e.g.
    powershell.exe -NoProfile -File "C:\Program Files\TrayPop\softphones\line\Send-TrayPopLine.ps1" -Number %CALLERID% -Phase answer
  The connection may carry any number of events; this script sends the ones given and prints each reply.
  The token, when TrayPop:Listener:TokenFile (or :Token) is set: the first line of the same per-user file
  (%LOCALAPPDATA%\TrayPop\token on Windows, ~/.config/traypop/token elsewhere; -TokenFile to change it),
  sent as the "token" field. Exit 0 accepted, 1 refused (the error line is printed to stderr and written
  to the Application event log under source "TrayPop" where it is registered), 3 no TrayPop listening.

.EXAMPLE
  .\Send-TrayPopLine.ps1 -Number '+14255550101' -Type inbound -Phase answer -CallId abc
#>
param(
    [Parameter(Mandatory)] [string] $Number,
    [ValidateSet('inbound', 'outbound', 'internal', 'predictive')] [string] $Type = 'inbound',
    [ValidateSet('', 'ring', 'answer', 'end')] [string] $Phase = '',
    [string] $CallId = '',
    [int] $LinePort = 47471,
    [string] $TokenFile = $(if ($env:LOCALAPPDATA) { Join-Path $env:LOCALAPPDATA 'TrayPop\token' } else { Join-Path $HOME '.config/traypop/token' })
)

$event = [ordered]@{ number = $Number; type = $Type }
if ($Phase) { $event.phase = $Phase }
if ($CallId) { $event.callId = $CallId }
if (Test-Path -LiteralPath $TokenFile -PathType Leaf) { $event.token = (Get-Content -LiteralPath $TokenFile -TotalCount 1).Trim() }

$client = [System.Net.Sockets.TcpClient]::new()
try {
    $client.Connect('127.0.0.1', $LinePort)
    $stream = $client.GetStream()
    # UTF-8 without a byte-order mark, "\n" line ends: what the protocol expects.
    $utf8 = [System.Text.UTF8Encoding]::new($false)
    $writer = [System.IO.StreamWriter]::new($stream, $utf8)
    $writer.NewLine = "`n"
    $writer.AutoFlush = $true
    $reader = [System.IO.StreamReader]::new($stream, $utf8)

    $writer.WriteLine(($event | ConvertTo-Json -Compress))
    $reply = $reader.ReadLine()
    $reply
    if (($reply | ConvertFrom-Json).error) {
        [Console]::Error.WriteLine("TrayPop refused the call event: $reply")
        try {
            if ($IsLinux -or $IsMacOS) { logger -t traypop-line -p user.warning -- "TrayPop refused the call event: $reply" 2>$null }
            else { [System.Diagnostics.EventLog]::WriteEntry('TrayPop', "TrayPop refused the call event: $reply", 'Warning', 1002) }
        }
        catch { }   # no registered "TrayPop" event source: stderr and the exit code must do
        exit 1
    }
}
catch {
    # Windows PowerShell 5.1 wraps the SocketException, PowerShell 7 does not: say it plainly either way.
    Write-Error "No TrayPop answered on 127.0.0.1:$LinePort (TrayPop:Listener:LinePort): $($_.Exception.Message)"
    exit 3
}
finally {
    $client.Dispose()
}
