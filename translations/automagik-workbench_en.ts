<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en">
<context>
    <name>CaptureRecordModel</name>
    <message numerus="yes">
        <source>%Ln span(s)</source>
        <translation>
            <numerusform>%Ln span</numerusform>
            <numerusform>%Ln spans</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln metric point(s)</source>
        <translation>
            <numerusform>%Ln metric point</numerusform>
            <numerusform>%Ln metric points</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln log(s)</source>
        <translation>
            <numerusform>%Ln log</numerusform>
            <numerusform>%Ln logs</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source> from %Ln service(s)</source>
        <translation>
            <numerusform> from %Ln service</numerusform>
            <numerusform> from %Ln services</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ClickHouseTail</name>
    <message numerus="yes">
        <source>%Ln row(s) could not be read (%1)</source>
        <translation>
            <numerusform>%Ln row could not be read (%1)</numerusform>
            <numerusform>%Ln rows could not be read (%1)</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>CollectorTile</name>
    <message numerus="yes">
        <source>%Ln row(s) waiting for ClickHouse</source>
        <translation>
            <numerusform>%Ln row waiting for ClickHouse</numerusform>
            <numerusform>%Ln rows waiting for ClickHouse</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln row(s) waiting for ClickHouse, the oldest since %1</source>
        <translation>
            <numerusform>%Ln row waiting for ClickHouse, since %1</numerusform>
            <numerusform>%Ln rows waiting for ClickHouse, the oldest since %1</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>, %Ln row(s) lost (the spool was full)</source>
        <translation>
            <numerusform>, %Ln row lost (the spool was full)</numerusform>
            <numerusform>, %Ln rows lost (the spool was full)</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>LivePage</name>
    <message numerus="yes">
        <source> · %Ln row(s) of the tables not shown (more than %1 stamped with one second)</source>
        <translation>
            <numerusform> · %Ln row of the tables not shown (more than %1 stamped with one second)</numerusform>
            <numerusform> · %Ln rows of the tables not shown (more than %1 stamped with one second)</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>QuerySession</name>
    <message numerus="yes">
        <source>Running… %Ln row(s) so far, %1</source>
        <translation>
            <numerusform>Running… %Ln row so far, %1</numerusform>
            <numerusform>Running… %Ln rows so far, %1</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln row(s) shown; the server has more (load more or load all)</source>
        <translation>
            <numerusform>%Ln row shown; the server has more (load more or load all)</numerusform>
            <numerusform>%Ln rows shown; the server has more (load more or load all)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Cancelled after %1: %Ln row(s) kept</source>
        <translation>
            <numerusform>Cancelled after %1: %Ln row kept</numerusform>
            <numerusform>Cancelled after %1: %Ln rows kept</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Failed after %1 (%Ln row(s) kept): %2</source>
        <translation>
            <numerusform>Failed after %1 (%Ln row kept): %2</numerusform>
            <numerusform>Failed after %1 (%Ln rows kept): %2</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln row(s) in %1</source>
        <translation>
            <numerusform>%Ln row in %1</numerusform>
            <numerusform>%Ln rows in %1</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>; the server read %Ln row(s), %1</source>
        <translation>
            <numerusform>; the server read %Ln row, %1</numerusform>
            <numerusform>; the server read %Ln rows, %1</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>; %Ln row(s) before LIMIT</source>
        <translation>
            <numerusform>; %Ln row before LIMIT</numerusform>
            <numerusform>; %Ln rows before LIMIT</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>QueryTab</name>
    <message numerus="yes">
        <source>Sorting %Ln row(s)…</source>
        <translation>
            <numerusform>Sorting %Ln row…</numerusform>
            <numerusform>Sorting %Ln rows…</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>RecordBar</name>
    <message numerus="yes">
        <source>%Ln span(s)</source>
        <translation>
            <numerusform>%Ln span</numerusform>
            <numerusform>%Ln spans</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln metric point(s)</source>
        <translation>
            <numerusform>%Ln metric point</numerusform>
            <numerusform>%Ln metric points</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln log(s)</source>
        <translation>
            <numerusform>%Ln log</numerusform>
            <numerusform>%Ln logs</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ReplayPage</name>
    <message numerus="yes">
        <source>; %Ln line(s) could not be read (hover for where and why)</source>
        <translation>
            <numerusform>; %Ln line could not be read (hover for where and why)</numerusform>
            <numerusform>; %Ln lines could not be read (hover for where and why)</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ReplayStatusText</name>
    <message numerus="yes">
        <source>Cancelled after %Ln record(s): %1, %2, %3 in %4</source>
        <translation>
            <numerusform>Cancelled after %Ln record: %1, %2, %3 in %4</numerusform>
            <numerusform>Cancelled after %Ln records: %1, %2, %3 in %4</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Replayed %Ln record(s): %1, %2, %3 in %4</source>
        <translation>
            <numerusform>Replayed %Ln record: %1, %2, %3 in %4</numerusform>
            <numerusform>Replayed %Ln records: %1, %2, %3 in %4</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln span(s)</source>
        <translation>
            <numerusform>%Ln span</numerusform>
            <numerusform>%Ln spans</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln metric point(s)</source>
        <translation>
            <numerusform>%Ln metric point</numerusform>
            <numerusform>%Ln metric points</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln log(s)</source>
        <translation>
            <numerusform>%Ln log</numerusform>
            <numerusform>%Ln logs</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>SampleTelemetryLoader</name>
    <message numerus="yes">
        <source>%n rows could not be written: %1</source>
        <translation>
            <numerusform>%n row could not be written: %1</numerusform>
            <numerusform>%n rows could not be written: %1</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>SendHistoryModel</name>
    <message numerus="yes">
        <source>%n failed</source>
        <translation>
            <numerusform>%n failed</numerusform>
            <numerusform>%n failed</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n in the spool, sent when the endpoint answers</source>
        <translation>
            <numerusform>%n in the spool, sent when the endpoint answers</numerusform>
            <numerusform>%n in the spool, sent when the endpoint answers</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>TableFiguresModel</name>
    <message numerus="yes">
        <source>%n s</source>
        <translation>
            <numerusform>%n s</numerusform>
            <numerusform>%n s</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n min</source>
        <translation>
            <numerusform>%n min</numerusform>
            <numerusform>%n min</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n h</source>
        <translation>
            <numerusform>%n h</numerusform>
            <numerusform>%n h</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n days</source>
        <translation>
            <numerusform>%n day</numerusform>
            <numerusform>%n days</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>TelemetryDataTile</name>
    <message numerus="yes">
        <source>Cancelled after loading %Ln row(s) in %1 s: traces %2, metrics %3, logs %4.</source>
        <translation>
            <numerusform>Cancelled after loading %Ln row in %1 s: traces %2, metrics %3, logs %4.</numerusform>
            <numerusform>Cancelled after loading %Ln rows in %1 s: traces %2, metrics %3, logs %4.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Loaded %Ln row(s) in %1 s: traces %2, metrics %3, logs %4.</source>
        <translation>
            <numerusform>Loaded %Ln row in %1 s: traces %2, metrics %3, logs %4.</numerusform>
            <numerusform>Loaded %Ln rows in %1 s: traces %2, metrics %3, logs %4.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1.%2: %Ln row(s), %3 on disk</source>
        <translation>
            <numerusform>%1.%2: %Ln row, %3 on disk</numerusform>
            <numerusform>%1.%2: %Ln rows, %3 on disk</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>TraceView</name>
    <message numerus="yes">
        <source>%Ln span(s)</source>
        <translation>
            <numerusform>%Ln span</numerusform>
            <numerusform>%Ln spans</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln service(s)</source>
        <translation>
            <numerusform>%Ln service</numerusform>
            <numerusform>%Ln services</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln log(s)</source>
        <translation>
            <numerusform>%Ln log</numerusform>
            <numerusform>%Ln logs</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>TraceWaterfallView</name>
    <message numerus="yes">
        <source>%Ln span(s), %1</source>
        <translation>
            <numerusform>%Ln span, %1</numerusform>
            <numerusform>%Ln spans, %1</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>TracesPage</name>
    <message numerus="yes">
        <source>%Ln trace(s) found in %1 ms.</source>
        <translation>
            <numerusform>%Ln trace found in %1 ms.</numerusform>
            <numerusform>%Ln traces found in %1 ms.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln span(s)</source>
        <translation>
            <numerusform>%Ln span</numerusform>
            <numerusform>%Ln spans</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln log(s)</source>
        <translation>
            <numerusform>%Ln log</numerusform>
            <numerusform>%Ln logs</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln row(s) could not be read (%1).</source>
        <translation>
            <numerusform>%Ln row could not be read (%1).</numerusform>
            <numerusform>%Ln rows could not be read (%1).</numerusform>
        </translation>
    </message>
</context>
</TS>
