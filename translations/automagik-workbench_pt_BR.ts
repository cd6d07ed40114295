<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="pt_BR">
<context>
    <name>AboutDialog</name>
    <message>
        <source>About %1</source>
        <translation>Sobre %1</translation>
    </message>
    <message>
        <source>Version %1</source>
        <translation>Versão %1</translation>
    </message>
    <message>
        <source>ClickHouse server: not connected</source>
        <translation>Servidor ClickHouse: não conectado</translation>
    </message>
    <message>
        <source>ClickHouse server: %1</source>
        <translation>Servidor ClickHouse: %1</translation>
    </message>
    <message>
        <source>The whole local telemetry stack of the Automagik Telemetry project in one window: send and replay events, receive OTLP, store it in ClickHouse, run the dashboard SQL and watch the stack&apos;s health.</source>
        <translation>Toda a pilha local de telemetria do projeto Automagik Telemetry em uma janela: envie e reproduza eventos, receba OTLP, armazene no ClickHouse, execute o SQL dos painéis e acompanhe a saúde da pilha.</translation>
    </message>
    <message>
        <source>Qt %1</source>
        <translation>Qt %1</translation>
    </message>
</context>
<context>
    <name>ClickHouseChoice</name>
    <message>
        <source>Folder of the managed local ClickHouse (default: %1).</source>
        <translation>Pasta do ClickHouse local gerenciado (padrão: %1).</translation>
    </message>
    <message>
        <source>Use this external ClickHouse (http://host:8123) instead of the managed one. Credentials come from AUTOMAGIK_TELEMETRY_CLICKHOUSE_USERNAME and _PASSWORD.</source>
        <translation>Usa este ClickHouse externo (http://host:8123) em vez do gerenciado. As credenciais vêm de AUTOMAGIK_TELEMETRY_CLICKHOUSE_USERNAME e _PASSWORD.</translation>
    </message>
</context>
<context>
    <name>ClickHouseStatusSummary</name>
    <message>
        <source>ClickHouse: not installed. Install it with: sudo apt-get install clickhouse-server</source>
        <translation>ClickHouse: não instalado. Instale com: sudo apt-get install clickhouse-server</translation>
    </message>
    <message>
        <source>ClickHouse: the managed server failed to start (details on the Health page)</source>
        <translation>ClickHouse: o servidor gerenciado não iniciou (detalhes na página Saúde)</translation>
    </message>
    <message>
        <source>ClickHouse: starting the managed server…</source>
        <translation>ClickHouse: iniciando o servidor gerenciado…</translation>
    </message>
    <message>
        <source>ClickHouse: stopping the managed server…</source>
        <translation>ClickHouse: parando o servidor gerenciado…</translation>
    </message>
    <message>
        <source>ClickHouse: the managed server is stopped</source>
        <translation>ClickHouse: o servidor gerenciado está parado</translation>
    </message>
    <message>
        <source>ClickHouse: no server configured</source>
        <translation>ClickHouse: nenhum servidor configurado</translation>
    </message>
    <message>
        <source>managed</source>
        <translation>gerenciado</translation>
    </message>
    <message>
        <source>external</source>
        <translation>externo</translation>
    </message>
    <message>
        <source>ClickHouse: checking %1 (%2)…</source>
        <translation>ClickHouse: verificando %1 (%2)…</translation>
    </message>
    <message>
        <source>ClickHouse %1 reachable at %2 (%3), %4 ms</source>
        <translation>ClickHouse %1 acessível em %2 (%3), %4 ms</translation>
    </message>
    <message>
        <source>Connected as %1</source>
        <translation>Conectado como %1</translation>
    </message>
    <message>
        <source>ClickHouse unreachable at %1 (%2): %3</source>
        <translation>ClickHouse inacessível em %1 (%2): %3</translation>
    </message>
</context>
<context>
    <name>HealthPage</name>
    <message>
        <source>Stack health</source>
        <translation>Saúde da pilha</translation>
    </message>
    <message>
        <source>ClickHouse</source>
        <translation>ClickHouse</translation>
    </message>
    <message>
        <source>Endpoint:</source>
        <translation>Endereço:</translation>
    </message>
    <message>
        <source>Version:</source>
        <translation>Versão:</translation>
    </message>
    <message>
        <source>Round trip:</source>
        <translation>Ida e volta:</translation>
    </message>
    <message>
        <source>Data folder:</source>
        <translation>Pasta de dados:</translation>
    </message>
    <message>
        <source>Start managed server</source>
        <translation>Iniciar servidor gerenciado</translation>
    </message>
    <message>
        <source>Stop managed server</source>
        <translation>Parar servidor gerenciado</translation>
    </message>
    <message>
        <source>When the server fails, what it logged last appears here.</source>
        <translation>Quando o servidor falha, as últimas linhas do seu log aparecem aqui.</translation>
    </message>
    <message>
        <source>OTLP collector, Grafana and the workbench&apos;s own receiver and queues: not built yet.</source>
        <translation>Coletor OTLP, Grafana e o receptor e as filas da própria bancada: ainda não construídos.</translation>
    </message>
    <message>
        <source>none</source>
        <translation>nenhum</translation>
    </message>
    <message>
        <source>unknown</source>
        <translation>desconhecido</translation>
    </message>
    <message>
        <source>%1 ms</source>
        <translation>%1 ms</translation>
    </message>
    <message>
        <source>external server (not managed by the workbench)</source>
        <translation>servidor externo (não gerenciado pela bancada)</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Pages</source>
        <translation>Páginas</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Arquivo</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Sair</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;Exibir</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>A&amp;juda</translation>
    </message>
    <message>
        <source>&amp;About %1</source>
        <translation>&amp;Sobre %1</translation>
    </message>
</context>
<context>
    <name>NavigationModel</name>
    <message>
        <source>Send</source>
        <translation>Enviar</translation>
    </message>
    <message>
        <source>Compose events, errors, metrics and logs and send them as the SDKs do.</source>
        <translation>Componha eventos, erros, métricas e logs e envie-os como os SDKs fazem.</translation>
    </message>
    <message>
        <source>Replay</source>
        <translation>Reproduzir</translation>
    </message>
    <message>
        <source>Record captures and replay them at any speed through either backend.</source>
        <translation>Grave capturas e reproduza-as em qualquer velocidade por qualquer um dos backends.</translation>
    </message>
    <message>
        <source>Live</source>
        <translation>Ao vivo</translation>
    </message>
    <message>
        <source>Receive OTLP on port 4318, watch it arrive and store it in ClickHouse.</source>
        <translation>Receba OTLP na porta 4318, veja chegar e armazene no ClickHouse.</translation>
    </message>
    <message>
        <source>Query</source>
        <translation>Consulta</translation>
    </message>
    <message>
        <source>Run SQL with Grafana macros against ClickHouse and chart the result.</source>
        <translation>Execute SQL com macros do Grafana no ClickHouse e veja o resultado em gráficos.</translation>
    </message>
    <message>
        <source>Dashboards</source>
        <translation>Painéis</translation>
    </message>
    <message>
        <source>Import Grafana dashboards and show their panels locally.</source>
        <translation>Importe painéis do Grafana e mostre seus gráficos localmente.</translation>
    </message>
    <message>
        <source>Health</source>
        <translation>Saúde</translation>
    </message>
    <message>
        <source>Live health of ClickHouse, the collector, Grafana and the workbench itself.</source>
        <translation>Saúde ao vivo do ClickHouse, do coletor, do Grafana e da própria bancada.</translation>
    </message>
    <message>
        <source>%1 (not built yet)</source>
        <translation>%1 (ainda não construída)</translation>
    </message>
</context>
<context>
    <name>PlaceholderPage</name>
    <message>
        <source>Not built yet: this page arrives with later work. Its engine will also be available as a command-line subcommand.</source>
        <translation>Ainda não construída: esta página chega com um trabalho futuro. Seu motor também estará disponível como subcomando de linha de comando.</translation>
    </message>
</context>
<context>
    <name>StatusColors</name>
    <message>
        <source>healthy</source>
        <translation>saudável</translation>
    </message>
    <message>
        <source>pending</source>
        <translation>pendente</translation>
    </message>
    <message>
        <source>failing</source>
        <translation>falhando</translation>
    </message>
    <message>
        <source>idle</source>
        <translation>ocioso</translation>
    </message>
</context>
<context>
    <name>main</name>
    <message>
        <source>The Automagik Telemetry stack in one window. Run with a subcommand (stack, ...) to work headless.</source>
        <translation>A pilha Automagik Telemetry em uma janela. Use um subcomando (stack, ...) para trabalhar sem interface.</translation>
    </message>
    <message>
        <source>Open the window, wait until ClickHouse is reachable (or has failed), save a PNG of the window to this file and exit: 0 when ClickHouse was reachable, 2 when it was not.</source>
        <translation>Abre a janela, espera o ClickHouse ficar acessível (ou falhar), salva um PNG da janela neste arquivo e sai: 0 quando o ClickHouse estava acessível, 2 quando não estava.</translation>
    </message>
</context>
</TS>
