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
    <name>AttributeTableEditor</name>
    <message>
        <source>Attribute type</source>
        <translation>Tipo do atributo</translation>
    </message>
    <message>
        <source>Add</source>
        <translation>Adicionar</translation>
    </message>
    <message>
        <source>Add attribute</source>
        <translation>Adicionar atributo</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Remover</translation>
    </message>
    <message>
        <source>Remove selected attributes</source>
        <translation>Remover os atributos selecionados</translation>
    </message>
    <message>
        <source>Left out: %1</source>
        <translation>Omitidos: %1</translation>
    </message>
</context>
<context>
    <name>AttributeTableModel</name>
    <message>
        <source>Key</source>
        <translation>Chave</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>Tipo</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>Valor</translation>
    </message>
</context>
<context>
    <name>BackendOptions</name>
    <message>
        <source>clickhouse (default), otlp-protobuf, otlp-json, or none (a dry run).</source>
        <translation>clickhouse (padrão), otlp-protobuf, otlp-json ou none (uma simulação).</translation>
    </message>
    <message>
        <source>clickhouse (default), otlp-protobuf or otlp-json.</source>
        <translation>clickhouse (padrão), otlp-protobuf ou otlp-json.</translation>
    </message>
    <message>
        <source>name</source>
        <translation>nome</translation>
    </message>
    <message>
        <source>OTLP/HTTP base URL for the otlp backends (default: OTEL_EXPORTER_OTLP_ENDPOINT, else http://localhost:4318).</source>
        <translation>URL base OTLP/HTTP para os backends otlp (padrão: OTEL_EXPORTER_OTLP_ENDPOINT, senão http://localhost:4318).</translation>
    </message>
    <message>
        <source>--backend: &quot;%1&quot; is not one of %2</source>
        <translation>--backend: &quot;%1&quot; não é um destes: %2</translation>
    </message>
    <message>
        <source>ClickHouse at %1 (from %2), version %3</source>
        <translation>ClickHouse em %1 (de %2), versão %3</translation>
    </message>
    <message>
        <source>warning: %1</source>
        <translation>aviso: %1</translation>
    </message>
    <message>
        <source>--otlp-endpoint: &quot;%1&quot; is not a URL</source>
        <translation>--otlp-endpoint: &quot;%1&quot; não é uma URL</translation>
    </message>
</context>
<context>
    <name>BenchCommand</name>
    <message>
        <source>--batch and --seconds must be positive</source>
        <translation>--batch e --seconds devem ser positivos</translation>
    </message>
    <message>
        <source>error: %1</source>
        <translation>erro: %1</translation>
    </message>
    <message>
        <source>error: cannot start a ClickHouse for the benchmark: %1</source>
        <translation>erro: não é possível iniciar um ClickHouse para o benchmark: %1</translation>
    </message>
    <message>
        <source>--%1 must be positive, --rounds at least %2</source>
        <translation>--%1 deve ser positivo, --rounds ao menos %2</translation>
    </message>
    <message>
        <source>--events and --sdk-events must be positive, --rounds at least %1 (a spread needs rounds)</source>
        <translation>--events e --sdk-events devem ser positivos, --rounds ao menos %1 (uma dispersão precisa de rodadas)</translation>
    </message>
    <message>
        <source>--events must be positive, --rounds at least %1 (a spread needs rounds)</source>
        <translation>--events deve ser positivo, --rounds ao menos %1 (uma dispersão precisa de rodadas)</translation>
    </message>
    <message>
        <source>Benchmarks that print ratios measured in one run. Targets: codec, ingest, receive, replay, stream, query.</source>
        <translation>Benchmarks que imprimem razões medidas em uma execução. Alvos: codec, ingest, receive, replay, stream, query.</translation>
    </message>
    <message>
        <source>target</source>
        <translation>alvo</translation>
    </message>
    <message>
        <source>codec, ingest, receive, replay, stream or query</source>
        <translation>codec, ingest, receive, replay, stream ou query</translation>
    </message>
    <message>
        <source>ingest, receive: events per run (default 200000); replay: events in the capture (default 1000000).</source>
        <translation>ingest, receive: eventos por execução (padrão 200000); replay: eventos na captura (padrão 1000000).</translation>
    </message>
    <message>
        <source>ingest: events per run in SDK mode (default 50000).</source>
        <translation>ingest: eventos por execução no modo SDK (padrão 50000).</translation>
    </message>
    <message>
        <source>ingest, receive, replay, stream, query: rounds, at least 5 (default 5).</source>
        <translation>ingest, receive, replay, stream, query: rodadas, ao menos 5 (padrão 5).</translation>
    </message>
    <message>
        <source>stream, query: rows in the result (default 1000000).</source>
        <translation>stream, query: linhas no resultado (padrão 1000000).</translation>
    </message>
    <message>
        <source>Events per batch (default 1000).</source>
        <translation>Eventos por lote (padrão 1000).</translation>
    </message>
    <message>
        <source>CPU seconds per operation (default 2).</source>
        <translation>Segundos de CPU por operação (padrão 2).</translation>
    </message>
    <message>
        <source>Print one JSON object instead of a table.</source>
        <translation>Imprime um objeto JSON em vez de uma tabela.</translation>
    </message>
    <message>
        <source>bench: unknown target &quot;%1&quot; (known: codec, ingest, receive, replay, stream, query)</source>
        <translation>bench: alvo desconhecido &quot;%1&quot; (conhecidos: codec, ingest, receive, replay, stream, query)</translation>
    </message>
</context>
<context>
    <name>CaptureRecordModel</name>
    <message>
        <source>span</source>
        <translation>span</translation>
    </message>
    <message>
        <source>metric</source>
        <translation>métrica</translation>
    </message>
    <message>
        <source>log</source>
        <translation>log</translation>
    </message>
    <message>
        <source>, %1 to %2</source>
        <translation>, de %1 a %2</translation>
    </message>
    <message>
        <source>Signal</source>
        <translation>Sinal</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Horário</translation>
    </message>
    <message>
        <source>Service</source>
        <translation>Serviço</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Nome</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>File</source>
        <translation>Arquivo</translation>
    </message>
    <message>
        <source>%1, %2, %3</source>
        <extracomment>Counts of spans, metric points and logs</extracomment>
        <translation>%1, %2, %3</translation>
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
            <numerusform>%Ln ponto de métrica</numerusform>
            <numerusform>%Ln pontos de métrica</numerusform>
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
            <numerusform> de %Ln serviço</numerusform>
            <numerusform> de %Ln serviços</numerusform>
        </translation>
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
    <name>ClickHouseEndpoint</name>
    <message>
        <source>%1 (user %2)</source>
        <translation>%1 (usuário %2)</translation>
    </message>
</context>
<context>
    <name>ClickHouseFiguresProbe</name>
    <message>
        <source>ClickHouse does not answer.</source>
        <translation>O ClickHouse não responde.</translation>
    </message>
    <message>
        <source>The server&apos;s figures came in an unexpected shape: %1</source>
        <translation>Os números do servidor vieram em um formato inesperado: %1</translation>
    </message>
    <message>
        <source>The server has logged no query yet.</source>
        <translation>O servidor ainda não registrou nenhuma consulta.</translation>
    </message>
    <message>
        <source>This server keeps no query log, so failed inserts cannot be listed (enable query_log in its configuration and log_queries in its users&apos; profile).</source>
        <translation>Este servidor não mantém log de consultas, então as inserções com falha não podem ser listadas (ative query_log na configuração do servidor e log_queries no perfil dos seus usuários).</translation>
    </message>
    <message>
        <source>Cannot read the query log: %1</source>
        <translation>Não é possível ler o log de consultas: %1</translation>
    </message>
    <message>
        <source>%1 (code %2)</source>
        <translation>%1 (código %2)</translation>
    </message>
</context>
<context>
    <name>ClickHouseFiguresTile</name>
    <message>
        <source>ClickHouse figures</source>
        <translation>Números do ClickHouse</translation>
    </message>
    <message>
        <source>Telemetry tables</source>
        <translation>Tabelas de telemetria</translation>
    </message>
    <message>
        <source>Failed inserts</source>
        <translation>Inserções com falha</translation>
    </message>
    <message>
        <source>Waiting for ClickHouse to answer.</source>
        <translation>Aguardando a resposta do ClickHouse.</translation>
    </message>
    <message>
        <source>Failed inserts from other clients: not looked at yet.</source>
        <translation>Inserções com falha de outros clientes: ainda não verificadas.</translation>
    </message>
    <message>
        <source>Cannot read the server&apos;s figures: %1</source>
        <translation>Não é possível ler os números do servidor: %1</translation>
    </message>
    <message>
        <source>insert rate: measured from the next look</source>
        <translation>taxa de inserção: medida a partir da próxima verificação</translation>
    </message>
    <message>
        <source>%1 rows/s inserted</source>
        <translation>%1 linhas/s inseridas</translation>
    </message>
    <message>
        <source>%1; queries running: %2</source>
        <translation>%1; consultas em execução: %2</translation>
    </message>
    <message>
        <source>No insert from another client failed in the last 24 hours.</source>
        <translation>Nenhuma inserção de outro cliente falhou nas últimas 24 horas.</translation>
    </message>
    <message>
        <source>Inserts from other clients that failed in the last 24 hours: %1 (newest first)</source>
        <translation>Inserções de outros clientes que falharam nas últimas 24 horas: %1 (mais recentes primeiro)</translation>
    </message>
    <message>
        <source>the newest %1</source>
        <translation>as %1 mais recentes</translation>
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
    <name>ClickHouseTail</name>
    <message>
        <source>the rows could not be read</source>
        <translation>não foi possível ler as linhas</translation>
    </message>
    <message numerus="yes">
        <source>%Ln row(s) could not be read (%1)</source>
        <translation>
            <numerusform>%Ln linha não pôde ser lida (%1)</numerusform>
            <numerusform>%Ln linhas não puderam ser lidas (%1)</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ClickHouseTarget</name>
    <message>
        <source>ClickHouse HTTP URL (default: see above).</source>
        <translation>URL HTTP do ClickHouse (padrão: veja acima).</translation>
    </message>
    <message>
        <source>ClickHouse user.</source>
        <translation>Usuário do ClickHouse.</translation>
    </message>
    <message>
        <source>name</source>
        <translation>nome</translation>
    </message>
    <message>
        <source>Telemetry database (default telemetry).</source>
        <translation>Banco de dados de telemetria (padrão telemetry).</translation>
    </message>
    <message>
        <source>Folder of the managed ClickHouse to use when no endpoint is given (default: %1).</source>
        <translation>Pasta do ClickHouse gerenciado a usar quando nenhum endpoint é informado (padrão: %1).</translation>
    </message>
    <message>
        <source>folder</source>
        <translation>pasta</translation>
    </message>
    <message>
        <source>warning: %1</source>
        <translation>aviso: %1</translation>
    </message>
    <message>
        <source>the SDKs&apos; default (%1; set %2 or start one with &apos;automagik-workbench stack start&apos;)</source>
        <translation>o padrão dos SDKs (%1; defina %2 ou inicie um com &apos;automagik-workbench stack start&apos;)</translation>
    </message>
    <message>
        <source>%1 is not a URL: %2</source>
        <translation>%1 não é uma URL: %2</translation>
    </message>
    <message>
        <source>the telemetry database name is empty</source>
        <translation>o nome do banco de dados de telemetria está vazio</translation>
    </message>
    <message>
        <source>%1: ClickHouse at %2 (from %3) does not answer: %4</source>
        <translation>%1: o ClickHouse em %2 (origem: %3) não responde: %4</translation>
    </message>
    <message>
        <source>--var: &quot;%1&quot; is not name=value</source>
        <translation>--var: &quot;%1&quot; não está no formato nome=valor</translation>
    </message>
</context>
<context>
    <name>ClickHouseTile</name>
    <message>
        <source>ClickHouse</source>
        <translation>ClickHouse</translation>
    </message>
    <message>
        <source>Round trips of the last probes</source>
        <translation>Tempos de ida e volta das últimas sondagens</translation>
    </message>
    <message>
        <source>Round trip of each probe, newest on the right; red ticks: no answer</source>
        <translation>Tempo de ida e volta de cada sondagem, a mais recente à direita; marcas vermelhas: sem resposta</translation>
    </message>
    <message>
        <source>Endpoint:</source>
        <translation>Endpoint:</translation>
    </message>
    <message>
        <source>Version:</source>
        <translation>Versão:</translation>
    </message>
    <message>
        <source>Uptime:</source>
        <translation>Tempo ativo:</translation>
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
        <source>Schema:</source>
        <translation>Esquema:</translation>
    </message>
    <message>
        <source>Start</source>
        <translation>Iniciar</translation>
    </message>
    <message>
        <source>Stop</source>
        <translation>Parar</translation>
    </message>
    <message>
        <source>Restart</source>
        <translation>Reiniciar</translation>
    </message>
    <message>
        <source>Verify schema</source>
        <translation>Verificar esquema</translation>
    </message>
    <message>
        <source>Open server log</source>
        <translation>Abrir log do servidor</translation>
    </message>
    <message>
        <source>Reset data…</source>
        <translation>Redefinir dados…</translation>
    </message>
    <message>
        <source>Start the managed ClickHouse (and the collector in front of it)</source>
        <translation>Inicia o ClickHouse gerenciado (e o coletor à frente dele)</translation>
    </message>
    <message>
        <source>Stop the managed ClickHouse</source>
        <translation>Para o ClickHouse gerenciado</translation>
    </message>
    <message>
        <source>Empty the telemetry tables (asks first)</source>
        <translation>Esvazia as tabelas de telemetria (pede confirmação antes)</translation>
    </message>
    <message>
        <source>What the server logged when it failed</source>
        <translation>O que o servidor registrou no log ao falhar</translation>
    </message>
    <message>
        <source>unknown</source>
        <translation>desconhecido</translation>
    </message>
    <message>
        <source>Verifying the schema failed: %1</source>
        <translation>Falha ao verificar o esquema: %1</translation>
    </message>
    <message>
        <source>The schema in %1 is complete.</source>
        <translation>O esquema em %1 está completo.</translation>
    </message>
    <message>
        <source>The schema is not complete: %1</source>
        <translation>O esquema não está completo: %1</translation>
    </message>
    <message>
        <source>Verifying the schema…</source>
        <translation>Verificando o esquema…</translation>
    </message>
    <message>
        <source>Reset telemetry data</source>
        <translation>Redefinir dados de telemetria</translation>
    </message>
    <message>
        <source>Empty every table of %1 on the managed ClickHouse? Its traces, metrics and logs are deleted for good.</source>
        <translation>Esvaziar todas as tabelas de %1 no ClickHouse gerenciado? Seus traces, métricas e logs serão excluídos definitivamente.</translation>
    </message>
    <message>
        <source>The telemetry tables of %1 are empty.</source>
        <translation>As tabelas de telemetria de %1 estão vazias.</translation>
    </message>
    <message>
        <source>Resetting the data failed: %1</source>
        <translation>Falha ao redefinir os dados: %1</translation>
    </message>
    <message>
        <source>Emptying the telemetry tables…</source>
        <translation>Esvaziando as tabelas de telemetria…</translation>
    </message>
    <message>
        <source>none</source>
        <translation>nenhum</translation>
    </message>
    <message>
        <source>%1 ms</source>
        <translation>%1 ms</translation>
    </message>
    <message>
        <source>installed at start</source>
        <translation>instalado na inicialização</translation>
    </message>
    <message>
        <source>%1 installed (%2 dialect)</source>
        <translation>%1 instalado (dialeto %2)</translation>
    </message>
    <message>
        <source>modern</source>
        <translation>moderno</translation>
    </message>
    <message>
        <source>legacy</source>
        <translation>legado</translation>
    </message>
    <message>
        <source>not installed in %1; the server&apos;s message is below</source>
        <translation>não instalado em %1; a mensagem do servidor está abaixo</translation>
    </message>
    <message>
        <source>external server (not managed by the workbench)</source>
        <translation>servidor externo (não gerenciado pela bancada)</translation>
    </message>
    <message>
        <source>as the server has it (&apos;automagik-workbench schema verify&apos; compares)</source>
        <translation>como está no servidor (&apos;automagik-workbench schema verify&apos; compara)</translation>
    </message>
</context>
<context>
    <name>CollectorOptions</name>
    <message>
        <source>--%1: &quot;%2&quot; is not a port number (0-65535, 0 = any free port)</source>
        <translation>--%1: &quot;%2&quot; não é um número de porta (0-65535, 0 = qualquer porta livre)</translation>
    </message>
    <message>
        <source>%1 requests, accepted %2 spans, %3 metric points, %4 logs; refused %5; errors %6</source>
        <translation>%1 requisições, aceitos %2 spans, %3 pontos de métrica, %4 logs; recusados %5; erros %6</translation>
    </message>
    <message>
        <source>Port of the OTLP/HTTP receiver (default 4318 when free; 0 = any free port).</source>
        <translation>Porta do receptor OTLP/HTTP (padrão 4318 quando livre; 0 = qualquer porta livre).</translation>
    </message>
    <message>
        <source>Port of the ClickHouse ingest gateway (default 8124 when free; 0 = any free port).</source>
        <translation>Porta do gateway de ingestão do ClickHouse (padrão 8124 quando livre; 0 = qualquer porta livre).</translation>
    </message>
    <message>
        <source>Run the OTLP receiver only.</source>
        <translation>Executa apenas o receptor OTLP.</translation>
    </message>
    <message>
        <source>Address to listen on (default 127.0.0.1). Another address exposes the receiver to the network.</source>
        <translation>Endereço em que escutar (padrão 127.0.0.1). Outro endereço expõe o receptor à rede.</translation>
    </message>
    <message>
        <source>address</source>
        <translation>endereço</translation>
    </message>
    <message>
        <source>A web origin browsers may send from (repeatable; default: pages from localhost and 127.0.0.1).</source>
        <translation>Uma origem web da qual navegadores podem enviar (repetível; padrão: páginas de localhost e 127.0.0.1).</translation>
    </message>
    <message>
        <source>origin</source>
        <translation>origem</translation>
    </message>
    <message>
        <source>--listen: &quot;%1&quot; is not an IP address</source>
        <translation>--listen: &quot;%1&quot; não é um endereço IP</translation>
    </message>
    <message>
        <source>, and no AUTOMAGIK_WORKBENCH_RECEIVER_TOKEN is set</source>
        <translation>, e AUTOMAGIK_WORKBENCH_RECEIVER_TOKEN não está definido</translation>
    </message>
    <message>
        <source>warning: listening on %1: other machines can send telemetry here%2</source>
        <translation>aviso: escutando em %1: outras máquinas podem enviar telemetria para cá%2</translation>
    </message>
    <message>
        <source>  OTLP receiver %1: %2</source>
        <translation>  receptor OTLP %1: %2</translation>
    </message>
    <message>
        <source>  gateway       %1: %2</source>
        <translation>  gateway       %1: %2</translation>
    </message>
    <message>
        <source>  ClickHouse    %1 rows delivered, %2 waiting in the spool, %3 lost%4</source>
        <translation>  ClickHouse    %1 linhas entregues, %2 aguardando no spool, %3 perdidas%4</translation>
    </message>
    <message>
        <source> (last error: %1)</source>
        <translation> (último erro: %1)</translation>
    </message>
    <message>
        <source>%1: ClickHouse must answer once at the start (its version decides how rows are written): %2</source>
        <translation>%1: o ClickHouse precisa responder uma vez no início (a versão dele decide como as linhas são gravadas): %2</translation>
    </message>
</context>
<context>
    <name>CollectorTile</name>
    <message>
        <source>none</source>
        <translation>nenhum</translation>
    </message>
    <message>
        <source>Local collector</source>
        <translation>Coletor local</translation>
    </message>
    <message>
        <source>OTLP receiver:</source>
        <translation>Receptor OTLP:</translation>
    </message>
    <message>
        <source>ClickHouse gateway:</source>
        <translation>Gateway ClickHouse:</translation>
    </message>
    <message>
        <source>Errors:</source>
        <translation>Erros:</translation>
    </message>
    <message>
        <source>Spool:</source>
        <translation>Spool:</translation>
    </message>
    <message>
        <source>Not running: the collector runs in front of the managed ClickHouse only</source>
        <translation>Fora de execução: o coletor só funciona à frente do ClickHouse gerenciado</translation>
    </message>
    <message>
        <source>Accepted</source>
        <translation>Aceitos</translation>
    </message>
    <message>
        <source>Refused</source>
        <translation>Recusados</translation>
    </message>
    <message>
        <source>Stored in ClickHouse</source>
        <translation>Armazenados no ClickHouse</translation>
    </message>
    <message>
        <source>Spans</source>
        <translation>Spans</translation>
    </message>
    <message>
        <source>Metric points</source>
        <translation>Pontos de métrica</translation>
    </message>
    <message>
        <source>Logs</source>
        <translation>Logs</translation>
    </message>
    <message>
        <source>&lt;b&gt;Pipeline&lt;/b&gt;</source>
        <translation>&lt;b&gt;Pipeline&lt;/b&gt;</translation>
    </message>
    <message>
        <source>Receiving</source>
        <translation>Recebendo</translation>
    </message>
    <message>
        <source>Could not start: %1</source>
        <translation>Não foi possível iniciar: %1</translation>
    </message>
    <message>
        <source>Stopped; it starts with the managed ClickHouse</source>
        <translation>Parado; inicia junto com o ClickHouse gerenciado</translation>
    </message>
    <message>
        <source>%1 (/v1/traces, /v1/metrics, /v1/logs), %2 requests</source>
        <translation>%1 (/v1/traces, /v1/metrics, /v1/logs), %2 requisições</translation>
    </message>
    <message>
        <source>not listening</source>
        <translation>não está escutando</translation>
    </message>
    <message>
        <source>%1 (INSERT … FORMAT JSONEachRow), %2 requests</source>
        <translation>%1 (INSERT … FORMAT JSONEachRow), %2 requisições</translation>
    </message>
    <message>
        <source>receiver: %1; gateway: %2</source>
        <translation>receptor: %1; gateway: %2</translation>
    </message>
    <message>
        <source>empty</source>
        <translation>vazio</translation>
    </message>
    <message>
        <source>%1 accepted, %2 refused, %3 stored</source>
        <translation>%1 aceitos, %2 recusados, %3 armazenados</translation>
    </message>
    <message numerus="yes">
        <source>%Ln row(s) waiting for ClickHouse</source>
        <translation>
            <numerusform>%Ln linha aguardando o ClickHouse</numerusform>
            <numerusform>%Ln linhas aguardando o ClickHouse</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln row(s) waiting for ClickHouse, the oldest since %1</source>
        <translation>
            <numerusform>%Ln linha aguardando o ClickHouse, desde %1</numerusform>
            <numerusform>%Ln linhas aguardando o ClickHouse, a mais antiga desde %1</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>, %Ln row(s) lost (the spool was full)</source>
        <translation>
            <numerusform>, %Ln linha perdida (o spool estava cheio)</numerusform>
            <numerusform>, %Ln linhas perdidas (o spool estava cheio)</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>DashboardCommand</name>
    <message>
        <source>dashboard: cannot read %1: %2</source>
        <translation>dashboard: não é possível ler %1: %2</translation>
    </message>
    <message>
        <source>dashboard: &apos;%1&apos; is neither a file nor a dashboard&apos;s uid or title (see &apos;dashboard list&apos;)</source>
        <translation>dashboard: &apos;%1&apos; não é um arquivo nem o uid ou o título de um painel (veja &apos;dashboard list&apos;)</translation>
    </message>
    <message>
        <source>dashboard render: give one FILE.json or UID and --out DIR (see --help)</source>
        <translation>dashboard render: informe um FILE.json ou UID e --out DIR (veja --help)</translation>
    </message>
    <message>
        <source>--width: &quot;%1&quot; is not a width from 400 to 8000 pixels</source>
        <translation>--width: &quot;%1&quot; não é uma largura de 400 a 8000 pixels</translation>
    </message>
    <message>
        <source>--theme: say dark or light</source>
        <translation>--theme: use dark ou light</translation>
    </message>
    <message>
        <source>Running the %1 panels of &quot;%2&quot; against ClickHouse at %3 (from %4)…</source>
        <translation>Executando os %1 painéis de &quot;%2&quot; no ClickHouse em %3 (origem: %4)…</translation>
    </message>
    <message>
        <source>dashboard: interrupted</source>
        <translation>dashboard: interrompido</translation>
    </message>
    <message>
        <source>dashboard: the panels did not finish in 5 minutes</source>
        <translation>dashboard: os painéis não terminaram em 5 minutos</translation>
    </message>
    <message>
        <source>dashboard: cannot write %1: %2</source>
        <translation>dashboard: não é possível gravar %1: %2</translation>
    </message>
    <message>
        <source>Rendered &quot;%1&quot; into %2: %3 panels, %4 in error; summary.json, dashboard.png and one PNG per panel.</source>
        <translation>&quot;%1&quot; renderizado em %2: %3 painéis, %4 com erro; summary.json, dashboard.png e um PNG por painel.</translation>
    </message>
    <message>
        <source>built-in</source>
        <translation>embutido</translation>
    </message>
    <message>
        <source>imported</source>
        <translation>importado</translation>
    </message>
    <message>
        <source>Dashboards from a terminal. render FILE.json|UID --out DIR: runs every panel against ClickHouse and writes a PNG per panel, dashboard.png and summary.json (exit code 3 when a panel failed). list: the built-in and imported dashboards. import FILE.json, remove UID, export UID FILE.json: the library the Dashboards page shows. The server: as for &apos;query&apos;.</source>
        <translation>Painéis a partir de um terminal. render FILE.json|UID --out DIR: executa cada painel no ClickHouse e grava um PNG por painel, dashboard.png e summary.json (código de saída 3 quando um painel falhou). list: os painéis embutidos e importados. import FILE.json, remove UID, export UID FILE.json: a biblioteca que a página Painéis mostra. O servidor: como em &apos;query&apos;.</translation>
    </message>
    <message>
        <source>action</source>
        <translation>ação</translation>
    </message>
    <message>
        <source>render, list, import, remove or export</source>
        <translation>render, list, import, remove ou export</translation>
    </message>
    <message>
        <source>render: the folder for the PNGs and summary.json.</source>
        <translation>render: a pasta para os PNGs e o summary.json.</translation>
    </message>
    <message>
        <source>DIR</source>
        <translation>DIR</translation>
    </message>
    <message>
        <source>render: start of the time range (default: the dashboard&apos;s).</source>
        <translation>render: início do intervalo de tempo (padrão: o do painel).</translation>
    </message>
    <message>
        <source>time</source>
        <translation>horário</translation>
    </message>
    <message>
        <source>render: end of the time range (default: the dashboard&apos;s).</source>
        <translation>render: fim do intervalo de tempo (padrão: o do painel).</translation>
    </message>
    <message>
        <source>render: a variable&apos;s value (repeat a name for several values).</source>
        <translation>render: o valor de uma variável (repita um nome para vários valores).</translation>
    </message>
    <message>
        <source>name=value</source>
        <translation>nome=valor</translation>
    </message>
    <message>
        <source>render: the dashboard&apos;s width in pixels (default 1600).</source>
        <translation>render: a largura do painel em pixels (padrão 1600).</translation>
    </message>
    <message>
        <source>render: dark (default) or light.</source>
        <translation>render: dark (padrão) ou light.</translation>
    </message>
    <message>
        <source>theme</source>
        <translation>tema</translation>
    </message>
    <message>
        <source>The folder of imported dashboards (default: %1).</source>
        <translation>A pasta dos painéis importados (padrão: %1).</translation>
    </message>
    <message>
        <source>folder</source>
        <translation>pasta</translation>
    </message>
    <message>
        <source>Imported &quot;%1&quot; as %2 (%3)</source>
        <translation>&quot;%1&quot; importado como %2 (%3)</translation>
    </message>
    <message>
        <source>Removed %1</source>
        <translation>%1 removido</translation>
    </message>
    <message>
        <source>Wrote %1</source>
        <translation>%1 gravado</translation>
    </message>
    <message>
        <source>dashboard: say render FILE|UID --out DIR, list, import FILE, remove UID or export UID FILE (see --help)</source>
        <translation>dashboard: use render FILE|UID --out DIR, list, import FILE, remove UID ou export UID FILE (veja --help)</translation>
    </message>
</context>
<context>
    <name>DashboardLibrary</name>
    <message>
        <source>%1 (cannot be read)</source>
        <translation>%1 (não pode ser lido)</translation>
    </message>
    <message>
        <source>%1 is not a dashboard the workbench can read: %2</source>
        <translation>%1 não é um painel que a bancada consiga ler: %2</translation>
    </message>
    <message>
        <source>%1 has the uid &quot;%2&quot; of the built-in dashboard &quot;%3&quot;; give it another uid to import it</source>
        <translation>%1 tem o uid &quot;%2&quot; do painel embutido &quot;%3&quot;; atribua outro uid para importá-lo</translation>
    </message>
    <message>
        <source>cannot create %1</source>
        <translation>não é possível criar %1</translation>
    </message>
    <message>
        <source>there is no dashboard with the uid &quot;%1&quot;</source>
        <translation>não há nenhum painel com o uid &quot;%1&quot;</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is built in and cannot be removed</source>
        <translation>&quot;%1&quot; é embutido e não pode ser removido</translation>
    </message>
    <message>
        <source>cannot remove %1</source>
        <translation>não é possível remover %1</translation>
    </message>
    <message>
        <source>cannot read %1: %2</source>
        <translation>não foi possível ler %1: %2</translation>
    </message>
    <message>
        <source>cannot write %1: %2</source>
        <translation>não foi possível gravar %1: %2</translation>
    </message>
</context>
<context>
    <name>DashboardPanelView</name>
    <message>
        <source>View SQL</source>
        <translation>Ver SQL</translation>
    </message>
    <message>
        <source>Open in the Query page</source>
        <translation>Abrir na página Consulta</translation>
    </message>
    <message>
        <source>Export PNG…</source>
        <translation>Exportar PNG…</translation>
    </message>
    <message>
        <source>Export CSV…</source>
        <translation>Exportar CSV…</translation>
    </message>
    <message>
        <source>Full screen</source>
        <translation>Tela cheia</translation>
    </message>
    <message>
        <source>loading…</source>
        <translation>carregando…</translation>
    </message>
    <message>
        <source>Unsupported panel type &quot;%1&quot;</source>
        <translation>Tipo de quadro sem suporte &quot;%1&quot;</translation>
    </message>
    <message>
        <source>SQL of %1</source>
        <translation>SQL de %1</translation>
    </message>
    <message>
        <source>This panel has not run a query.</source>
        <translation>Este quadro não executou nenhuma consulta.</translation>
    </message>
    <message>
        <source>Export the panel</source>
        <translation>Exportar o quadro</translation>
    </message>
    <message>
        <source>PNG images (*.png)</source>
        <translation>Imagens PNG (*.png)</translation>
    </message>
    <message>
        <source>Could not write %1</source>
        <translation>Não foi possível gravar %1</translation>
    </message>
    <message>
        <source>Export the rows</source>
        <translation>Exportar as linhas</translation>
    </message>
    <message>
        <source>CSV (*.csv)</source>
        <translation>CSV (*.csv)</translation>
    </message>
    <message>
        <source>Could not write %1: %2</source>
        <translation>Não foi possível gravar %1: %2</translation>
    </message>
    <message>
        <source>Menu of %1</source>
        <translation>Menu de %1</translation>
    </message>
</context>
<context>
    <name>DashboardSession</name>
    <message>
        <source>Query %1: </source>
        <translation>Consulta %1: </translation>
    </message>
    <message>
        <source>Showing the first %1 rows</source>
        <translation>Mostrando as primeiras %1 linhas</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>Cancelado</translation>
    </message>
</context>
<context>
    <name>DashboardView</name>
    <message>
        <source>Dashboard panels</source>
        <translation>Quadros do painel</translation>
    </message>
</context>
<context>
    <name>DashboardsPage</name>
    <message>
        <source>Dashboards</source>
        <translation>Painéis</translation>
    </message>
    <message>
        <source>Import…</source>
        <translation>Importar…</translation>
    </message>
    <message>
        <source>Export…</source>
        <translation>Exportar…</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Remover</translation>
    </message>
    <message>
        <source>Time range…</source>
        <translation>Intervalo de tempo…</translation>
    </message>
    <message>
        <source>Last 5 minutes</source>
        <translation>Últimos 5 minutos</translation>
    </message>
    <message>
        <source>Last 15 minutes</source>
        <translation>Últimos 15 minutos</translation>
    </message>
    <message>
        <source>Last 1 hour</source>
        <translation>Última 1 hora</translation>
    </message>
    <message>
        <source>Last 6 hours</source>
        <translation>Últimas 6 horas</translation>
    </message>
    <message>
        <source>Last 24 hours</source>
        <translation>Últimas 24 horas</translation>
    </message>
    <message>
        <source>Last 7 days</source>
        <translation>Últimos 7 dias</translation>
    </message>
    <message>
        <source>Today</source>
        <translation>Hoje</translation>
    </message>
    <message>
        <source>Yesterday</source>
        <translation>Ontem</translation>
    </message>
    <message>
        <source>Time range presets</source>
        <translation>Intervalos de tempo predefinidos</translation>
    </message>
    <message>
        <source>From</source>
        <translation>De</translation>
    </message>
    <message>
        <source>To</source>
        <translation>Até</translation>
    </message>
    <message>
        <source>now-6h, now/d, 2026-11-30 10:00, ...</source>
        <translation>now-6h, now/d, 2026-11-30 10:00, ...</translation>
    </message>
    <message>
        <source>From </source>
        <translation>De </translation>
    </message>
    <message>
        <source> to </source>
        <translation> até </translation>
    </message>
    <message>
        <source>Back</source>
        <translation>Voltar</translation>
    </message>
    <message>
        <source>The range before the last zoom</source>
        <translation>O intervalo anterior ao último zoom</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>Atualizar</translation>
    </message>
    <message>
        <source>Auto-refresh off</source>
        <translation>Atualização automática desligada</translation>
    </message>
    <message>
        <source>Every %1 s</source>
        <translation>A cada %1 s</translation>
    </message>
    <message>
        <source>Every %1 min</source>
        <translation>A cada %1 min</translation>
    </message>
    <message>
        <source>Auto-refresh</source>
        <translation>Atualização automática</translation>
    </message>
    <message>
        <source>Dark</source>
        <translation>Escuro</translation>
    </message>
    <message>
        <source>Light</source>
        <translation>Claro</translation>
    </message>
    <message>
        <source>Theme</source>
        <translation>Tema</translation>
    </message>
    <message>
        <source>%1 (built in)</source>
        <translation>%1 (integrado)</translation>
    </message>
    <message>
        <source>There is no dashboard &quot;%1&quot;.</source>
        <translation>Não existe o painel &quot;%1&quot;.</translation>
    </message>
    <message>
        <source>%1 cannot be opened: %2</source>
        <translation>Não é possível abrir %1: %2</translation>
    </message>
    <message>
        <source>Every %1 (the dashboard&apos;s)</source>
        <translation>A cada %1 (do painel)</translation>
    </message>
    <message>
        <source>Waiting for ClickHouse: the panels run once it answers.</source>
        <translation>Aguardando o ClickHouse: os quadros serão executados assim que ele responder.</translation>
    </message>
    <message>
        <source>Import a Grafana dashboard</source>
        <translation>Importar um painel do Grafana</translation>
    </message>
    <message>
        <source>Grafana dashboards (*.json)</source>
        <translation>Painéis do Grafana (*.json)</translation>
    </message>
    <message>
        <source>Export the dashboard</source>
        <translation>Exportar o painel</translation>
    </message>
    <message>
        <source>Built-in dashboards cannot be removed.</source>
        <translation>Painéis integrados não podem ser removidos.</translation>
    </message>
    <message>
        <source>Remove the dashboard</source>
        <translation>Remover o painel</translation>
    </message>
    <message>
        <source>Remove &quot;%1&quot; from the workbench?</source>
        <translation>Remover &quot;%1&quot; da bancada?</translation>
    </message>
    <message>
        <source>Dashboard</source>
        <translation>Painel</translation>
    </message>
</context>
<context>
    <name>DestinationForm</name>
    <message>
        <source>Destination</source>
        <translation>Destino</translation>
    </message>
    <message>
        <source>Backend</source>
        <translation>Backend</translation>
    </message>
    <message>
        <source>OTLP/HTTP protobuf</source>
        <translation>OTLP/HTTP protobuf</translation>
    </message>
    <message>
        <source>OTLP/HTTP JSON</source>
        <translation>OTLP/HTTP JSON</translation>
    </message>
    <message>
        <source>ClickHouse direct</source>
        <translation>ClickHouse direto</translation>
    </message>
    <message>
        <source>OTLP endpoint</source>
        <translation>Endpoint OTLP</translation>
    </message>
    <message>
        <source>The collector&apos;s base URL; /v1/traces, /v1/metrics and /v1/logs are appended.</source>
        <translation>A URL base do coletor; /v1/traces, /v1/metrics e /v1/logs são acrescentados.</translation>
    </message>
    <message>
        <source>ClickHouse endpoint</source>
        <translation>Endpoint do ClickHouse</translation>
    </message>
    <message>
        <source>&amp;Backend:</source>
        <translation>&amp;Backend:</translation>
    </message>
    <message>
        <source>OTLP &amp;endpoint:</source>
        <translation>Endpo&amp;int OTLP:</translation>
    </message>
    <message>
        <source>ClickHouse e&amp;ndpoint:</source>
        <translation>E&amp;ndpoint do ClickHouse:</translation>
    </message>
    <message>
        <source>The OTLP endpoint &quot;%1&quot; is not a URL</source>
        <translation>O endpoint OTLP &quot;%1&quot; não é uma URL</translation>
    </message>
    <message>
        <source>The ClickHouse endpoint &quot;%1&quot; is not a URL</source>
        <translation>O endpoint do ClickHouse &quot;%1&quot; não é uma URL</translation>
    </message>
    <message>
        <source>ClickHouse at %1 does not answer: %2</source>
        <translation>O ClickHouse em %1 não responde: %2</translation>
    </message>
</context>
<context>
    <name>FailedInsertModel</name>
    <message>
        <source>%1 from %2</source>
        <translation>%1 de %2</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Hora</translation>
    </message>
    <message>
        <source>Client</source>
        <translation>Cliente</translation>
    </message>
    <message>
        <source>User</source>
        <translation>Usuário</translation>
    </message>
    <message>
        <source>Statement</source>
        <translation>Instrução</translation>
    </message>
    <message>
        <source>Server&apos;s message</source>
        <translation>Mensagem do servidor</translation>
    </message>
</context>
<context>
    <name>GaugePanel</name>
    <message>
        <source>No data</source>
        <translation>Sem dados</translation>
    </message>
</context>
<context>
    <name>GrafanaDashboardParser</name>
    <message>
        <source>not valid JSON at %1: %2</source>
        <translation>JSON inválido em %1: %2</translation>
    </message>
    <message>
        <source>a dashboard is a JSON object; this is a JSON %1</source>
        <translation>um painel é um objeto JSON; isto é um %1 JSON</translation>
    </message>
    <message>
        <source>array</source>
        <translation>array</translation>
    </message>
    <message>
        <source>value</source>
        <translation>valor</translation>
    </message>
    <message>
        <source>the dashboard has no title</source>
        <translation>o painel não tem título</translation>
    </message>
    <message>
        <source>the dashboard has no panels</source>
        <translation>o painel não tem quadros</translation>
    </message>
    <message>
        <source>line %1, column %2</source>
        <translation>linha %1, coluna %2</translation>
    </message>
    <message>
        <source>%1 uses the data source %2, which is not ClickHouse: not run</source>
        <translation>%1 usa a fonte de dados %2, que não é ClickHouse: não executado</translation>
    </message>
    <message>
        <source>the panel has no type</source>
        <translation>o quadro não tem tipo</translation>
    </message>
    <message>
        <source>the panel has no gridPos: placed 12 columns wide, 8 rows high</source>
        <translation>o quadro não tem gridPos: colocado com 12 colunas de largura e 8 linhas de altura</translation>
    </message>
    <message>
        <source>the panel</source>
        <translation>o quadro</translation>
    </message>
    <message>
        <source>query %1</source>
        <translation>consulta %1</translation>
    </message>
    <message>
        <source>query %1 has no SQL (only raw SQL queries are run)</source>
        <translation>a consulta %1 não tem SQL (só consultas em SQL bruto são executadas)</translation>
    </message>
    <message>
        <source>a variable without a name was ignored</source>
        <translation>uma variável sem nome foi ignorada</translation>
    </message>
    <message>
        <source>variable &apos;%1&apos; has the unknown type &apos;%2&apos;: it is left as written in the SQL</source>
        <translation>a variável &apos;%1&apos; tem o tipo desconhecido &apos;%2&apos;: ela fica como está escrita no SQL</translation>
    </message>
    <message>
        <source>variable &apos;%1&apos; is an ad-hoc filter, which the workbench does not apply</source>
        <translation>a variável &apos;%1&apos; é um filtro ad hoc, que a bancada não aplica</translation>
    </message>
    <message>
        <source>this is a dashboard of Grafana&apos;s %1 resource model, which the workbench does not read yet; in Grafana, export it as classic JSON (Export &gt; Export as JSON, classic model)</source>
        <translation>este é um painel do modelo de recursos %1 do Grafana, que a bancada ainda não lê; no Grafana, exporte-o como JSON clássico (Export &gt; Export as JSON, classic model)</translation>
    </message>
    <message>
        <source>schema version %1 lays panels out in rows (Grafana before 5.0), which the workbench does not read; open it in a recent Grafana and export it again</source>
        <translation>a versão de esquema %1 organiza os quadros em linhas (Grafana anterior à 5.0), que a bancada não lê; abra-o em um Grafana recente e exporte-o de novo</translation>
    </message>
</context>
<context>
    <name>GrafanaTime</name>
    <message>
        <source>&apos;/&apos; must be followed by a unit (s, m, h, d, w, M, y) at character %1</source>
        <translation>&apos;/&apos; deve ser seguido de uma unidade (s, m, h, d, w, M, y) no caractere %1</translation>
    </message>
    <message>
        <source>expected +, - or / at character %1, found &apos;%2&apos;</source>
        <translation>esperado +, - ou / no caractere %1, encontrado &apos;%2&apos;</translation>
    </message>
    <message>
        <source>the number at character %1 is too large</source>
        <translation>o número no caractere %1 é grande demais</translation>
    </message>
    <message>
        <source>expected a unit (s, m, h, d, w, M, y) at character %1</source>
        <translation>esperada uma unidade (s, m, h, d, w, M, y) no caractere %1</translation>
    </message>
    <message>
        <source>the time is empty</source>
        <translation>o horário está vazio</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is not a time: write now-6h, now/d, 2026-11-30 10:00:00, 2026-11-30T10:00:00Z or milliseconds since the epoch</source>
        <translation>&apos;%1&apos; não é um horário: escreva now-6h, now/d, 2026-11-30 10:00:00, 2026-11-30T10:00:00Z ou milissegundos desde a época Unix</translation>
    </message>
    <message>
        <source>from: %1</source>
        <translation>de: %1</translation>
    </message>
    <message>
        <source>to: %1</source>
        <translation>até: %1</translation>
    </message>
    <message>
        <source>the range is empty: &apos;%1&apos; is not before &apos;%2&apos;</source>
        <translation>o intervalo está vazio: &apos;%1&apos; não é anterior a &apos;%2&apos;</translation>
    </message>
</context>
<context>
    <name>Headless</name>
    <message>
        <source>automagik-workbench: unknown command &apos;%1&apos;</source>
        <translation>automagik-workbench: comando desconhecido &apos;%1&apos;</translation>
    </message>
    <message>
        <source>automagik-workbench: unknown command &apos;%1&apos; (did you mean &apos;%2&apos;?)</source>
        <translation>automagik-workbench: comando desconhecido &apos;%1&apos; (você quis dizer &apos;%2&apos;?)</translation>
    </message>
    <message>
        <source>Usage: automagik-workbench [options]            open the window
       automagik-workbench &lt;command&gt; [options]  work headless

Commands:
  stack start   run the local stack in the foreground until Ctrl-C: the managed
                ClickHouse, the OTLP receiver and the ClickHouse ingest gateway
  stack stop    stop a managed ClickHouse started with &apos;stack start&apos;
  schema install|verify|upgrade|reset|drop
                the upstream telemetry schema on a ClickHouse (reset, drop: --yes)
  sample        load realistic sample telemetry into ClickHouse
  query         run SQL as the Query page does; the result to standard output
  dashboard render|list|import|remove|export
                a dashboard&apos;s panels to PNGs and a summary; the dashboard library
  receive       the OTLP receiver and the ingest gateway in front of a ClickHouse
  record        the OTLP receiver writing what arrives into a capture file
  replay        captures through a backend with their own timing; --verify
  send          SDK-shaped events, errors, metrics or logs through a backend
  bench codec   measure the OTLP codecs (encode/decode, protobuf/JSON)
  bench ingest  the ClickHouse direct backend against clickhouse-client
  bench receive OTLP through the receiver against the direct backend
  bench replay  replay --speed max against clickhouse-client; memory, timing
  bench stream  a large result through the streaming client (time, memory)
  bench query   the query command&apos;s CSV against curl (time, memory)

Options:
  -v, --version  print the version
  -h, --help     print this help (&apos;&lt;command&gt; --help&apos; for a command&apos;s options)

Options of the window:
  --language &lt;name&gt;            the window&apos;s language: system, en or pt_BR
  --data-dir &lt;folder&gt;          folder of the managed local ClickHouse
  --clickhouse-endpoint &lt;url&gt;  use this external ClickHouse instead of a managed one
                               (credentials: AUTOMAGIK_TELEMETRY_CLICKHOUSE_USERNAME,
                               _PASSWORD, or File &gt; Settings)
  --otlp-port &lt;port&gt;           the receiver&apos;s port (default 4318, else a free one)
  --gateway-port &lt;port&gt;        the ClickHouse gateway&apos;s port (default 8124)
  --listen &lt;address&gt;           listen on this address instead of 127.0.0.1
  --cors-origin &lt;origin&gt;       a browser origin allowed to send (repeatable)
  --no-gateway                 run the receiver without the gateway
  --smoke-screenshot &lt;file&gt;    open, wait for ClickHouse, save a PNG of the window, exit
  --smoke-first-run            with it: load sample telemetry, run the first query too
</source>
        <translation>Uso: automagik-workbench [opções]            abre a janela
     automagik-workbench &lt;comando&gt; [opções]  trabalha sem interface

Comandos:
  stack start   executa a pilha local em primeiro plano até Ctrl-C: o ClickHouse
                gerenciado, o receptor OTLP e o gateway de ingestão do ClickHouse
  stack stop    para um ClickHouse gerenciado iniciado com &apos;stack start&apos;
  schema install|verify|upgrade|reset|drop
                o esquema de telemetria do upstream em um ClickHouse (reset, drop: --yes)
  sample        carrega telemetria de exemplo realista no ClickHouse
  query         executa SQL como a página Consulta; o resultado na saída padrão
  dashboard render|list|import|remove|export
                os quadros de um painel em PNGs e um resumo; a biblioteca de painéis
  receive       o receptor OTLP e o gateway de ingestão à frente de um ClickHouse
  record        o receptor OTLP gravando o que chega em um arquivo de captura
  replay        capturas por um backend com a própria temporização; --verify
  send          eventos, erros, métricas ou logs no formato dos SDKs por um backend
  bench codec   mede os codecs OTLP (encode/decode, protobuf/JSON)
  bench ingest  o backend direto do ClickHouse contra o clickhouse-client
  bench receive OTLP pelo receptor contra o backend direto
  bench replay  replay --speed max contra o clickhouse-client; memória, tempo
  bench stream  um resultado grande pelo cliente de streaming (tempo, memória)
  bench query   o CSV do comando query contra o curl (tempo, memória)

Opções:
  -v, --version  exibe a versão
  -h, --help     exibe esta ajuda (&apos;&lt;comando&gt; --help&apos; para as opções de um comando)

Opções da janela:
  --language &lt;nome&gt;             o idioma da janela: system, en ou pt_BR
  --data-dir &lt;pasta&gt;            pasta do ClickHouse local gerenciado
  --clickhouse-endpoint &lt;url&gt;   usa este ClickHouse externo em vez de um gerenciado
                                (credenciais: AUTOMAGIK_TELEMETRY_CLICKHOUSE_USERNAME,
                                _PASSWORD, ou Arquivo &gt; Configurações)
  --otlp-port &lt;porta&gt;           a porta do receptor (padrão 4318, senão uma livre)
  --gateway-port &lt;porta&gt;        a porta do gateway ClickHouse (padrão 8124)
  --listen &lt;endereço&gt;           escuta neste endereço em vez de 127.0.0.1
  --cors-origin &lt;origem&gt;        uma origem de navegador autorizada a enviar (repetível)
  --no-gateway                  executa o receptor sem o gateway
  --smoke-screenshot &lt;arquivo&gt;  abre, espera o ClickHouse, salva um PNG da janela, sai
  --smoke-first-run             com ela: carrega telemetria de exemplo e executa
                                também a primeira consulta
</translation>
    </message>
</context>
<context>
    <name>HealthPage</name>
    <message>
        <source>Stack health</source>
        <translation>Saúde da pilha</translation>
    </message>
    <message>
        <source>OpenTelemetry collector</source>
        <translation>Coletor OpenTelemetry</translation>
    </message>
    <message>
        <source>Grafana</source>
        <translation>Grafana</translation>
    </message>
    <message>
        <source>Health of the stack</source>
        <translation>Saúde da pilha</translation>
    </message>
</context>
<context>
    <name>LivePage</name>
    <message>
        <source>&amp;Other writers</source>
        <translation>&amp;Outros clientes</translation>
    </message>
    <message>
        <source>&amp;Pause</source>
        <translation>&amp;Pausar</translation>
    </message>
    <message>
        <source>C&amp;lear</source>
        <translation>&amp;Limpar</translation>
    </message>
    <message>
        <source>spans/s</source>
        <translation>spans/s</translation>
    </message>
    <message>
        <source>metric points/s</source>
        <translation>pontos de métrica/s</translation>
    </message>
    <message>
        <source>logs/s</source>
        <translation>logs/s</translation>
    </message>
    <message>
        <source>Records per second</source>
        <translation>Registros por segundo</translation>
    </message>
    <message>
        <source>Live records</source>
        <translation>Registros ao vivo</translation>
    </message>
    <message>
        <source>The selected record</source>
        <translation>O registro selecionado</translation>
    </message>
    <message>
        <source>Select a record to see its attributes, resource and scope.</source>
        <translation>Selecione um registro para ver seus atributos, recurso e escopo.</translation>
    </message>
    <message>
        <source>Live status</source>
        <translation>Status ao vivo</translation>
    </message>
    <message>
        <source>Keep the newest record in view</source>
        <translation>Manter o registro mais recente visível</translation>
    </message>
    <message>
        <source>Also show the rows other clients write into the telemetry tables (in italics), looking once a second while this page is shown</source>
        <translation>Mostrar também as linhas que outros clientes gravam nas tabelas de telemetria (em itálico), verificando uma vez por segundo enquanto esta página estiver aberta</translation>
    </message>
    <message>
        <source>Stop the list from moving; records keep arriving and are shown on resume</source>
        <translation>Parar a rolagem da lista; os registros continuam chegando e são mostrados ao retomar</translation>
    </message>
    <message>
        <source>Empty the list and the counts</source>
        <translation>Esvaziar a lista e as contagens</translation>
    </message>
    <message>
        <source>Signals shown</source>
        <translation>Sinais mostrados</translation>
    </message>
    <message>
        <source>All signals</source>
        <translation>Todos os sinais</translation>
    </message>
    <message>
        <source>Spans</source>
        <translation>Spans</translation>
    </message>
    <message>
        <source>Metrics</source>
        <translation>Métricas</translation>
    </message>
    <message>
        <source>Logs</source>
        <translation>Logs</translation>
    </message>
    <message>
        <source>Service</source>
        <translation>Serviço</translation>
    </message>
    <message>
        <source>Service filter</source>
        <translation>Filtro de serviço</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Nome</translation>
    </message>
    <message>
        <source>Name filter</source>
        <translation>Filtro de nome</translation>
    </message>
    <message>
        <source>Lowest log severity</source>
        <translation>Severidade mínima do log</translation>
    </message>
    <message>
        <source>Any severity</source>
        <translation>Qualquer severidade</translation>
    </message>
    <message>
        <source>Debug and up</source>
        <translation>Depuração ou superior</translation>
    </message>
    <message>
        <source>Info and up</source>
        <translation>Informação ou superior</translation>
    </message>
    <message>
        <source>Warn and up</source>
        <translation>Aviso ou superior</translation>
    </message>
    <message>
        <source>Error and up</source>
        <translation>Erro ou superior</translation>
    </message>
    <message>
        <source>Fatal</source>
        <translation>Fatal</translation>
    </message>
    <message>
        <source>Search service, name, level and trace id</source>
        <translation>Pesquisar serviço, nome, nível e ID do trace</translation>
    </message>
    <message>
        <source>Search</source>
        <translation>Pesquisar</translation>
    </message>
    <message>
        <source>The live tail needs the workbench&apos;s receiver, which runs with the managed ClickHouse.</source>
        <translation>O acompanhamento ao vivo precisa do receptor da bancada, que roda com o ClickHouse gerenciado.</translation>
    </message>
    <message>
        <source>Without the workbench&apos;s receiver (it runs with the managed ClickHouse), only rows other clients write into the tables are shown. </source>
        <translation>Sem o receptor da bancada (ele roda com o ClickHouse gerenciado), são mostradas apenas as linhas que outros clientes gravam nas tabelas. </translation>
    </message>
    <message>
        <source>%1 shown of %2 kept (the newest %3 at most)</source>
        <translation>%1 mostrados de %2 mantidos (no máximo os %3 mais recentes)</translation>
    </message>
    <message>
        <source> · paused: %1 waiting</source>
        <translation> · pausado: %1 aguardando</translation>
    </message>
    <message>
        <source> · %1 not kept while paused (more than the list holds)</source>
        <translation> · %1 descartados durante a pausa (mais do que a lista comporta)</translation>
    </message>
    <message>
        <source> · %1 older records left the list</source>
        <translation> · %1 registros mais antigos saíram da lista</translation>
    </message>
    <message>
        <source> · %1 read from the tables (other writers)</source>
        <translation> · %1 lidos das tabelas (outros clientes)</translation>
    </message>
    <message>
        <source> · reading the tables: %1</source>
        <translation> · leitura das tabelas: %1</translation>
    </message>
    <message>
        <source> · %1 never shown (more than the list holds came within one update)</source>
        <translation> · %1 nunca mostrados (chegou mais do que a lista comporta em uma única atualização)</translation>
    </message>
    <message>
        <source>&amp;Resume (%1)</source>
        <translation>&amp;Retomar (%1)</translation>
    </message>
    <message>
        <source>Follo&amp;w</source>
        <translation>Acompan&amp;har</translation>
    </message>
    <message numerus="yes">
        <source> · %Ln row(s) of the tables not shown (more than %1 stamped with one second)</source>
        <translation>
            <numerusform> · %Ln linha das tabelas não mostrada (mais de %1 com carimbo de tempo no mesmo segundo)</numerusform>
            <numerusform> · %Ln linhas das tabelas não mostradas (mais de %1 com carimbo de tempo no mesmo segundo)</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>LiveRecordModel</name>
    <message>
        <source>span</source>
        <translation>span</translation>
    </message>
    <message>
        <source>metric</source>
        <translation>métrica</translation>
    </message>
    <message>
        <source>log</source>
        <translation>log</translation>
    </message>
    <message>
        <source>Read from the telemetry tables: another client wrote it</source>
        <translation>Lido das tabelas de telemetria: gravado por outro cliente</translation>
    </message>
    <message>
        <source>Taken by the workbench&apos;s receiver</source>
        <translation>Recebido pelo receptor da bancada</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Hora</translation>
    </message>
    <message>
        <source>Signal</source>
        <translation>Sinal</translation>
    </message>
    <message>
        <source>Service</source>
        <translation>Serviço</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Nome</translation>
    </message>
    <message>
        <source>Status / level</source>
        <translation>Status / nível</translation>
    </message>
    <message>
        <source>Trace</source>
        <translation>Trace</translation>
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
    <message>
        <source>&amp;Settings…</source>
        <translation>&amp;Configurações…</translation>
    </message>
    <message>
        <source>&amp;Keyboard shortcuts</source>
        <translation>Atalhos de &amp;teclado</translation>
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
        <source>Watch what the receiver takes arrive: a tail with filters, each record&apos;s details, rates per signal.</source>
        <translation>Veja chegar o que o receptor recebe: uma lista ao vivo com filtros, os detalhes de cada registro e as taxas por sinal.</translation>
    </message>
    <message>
        <source>Traces</source>
        <translation>Traces</translation>
    </message>
    <message>
        <source>Search traces and follow one request through its spans and logs on a waterfall.</source>
        <translation>Pesquise traces e acompanhe uma requisição por seus spans e logs em uma cascata.</translation>
    </message>
    <message>
        <source>Not built yet. Planned: %1</source>
        <translation>Ainda não implementado. Planejado: %1</translation>
    </message>
</context>
<context>
    <name>PanelContent</name>
    <message>
        <source>No data</source>
        <translation>Sem dados</translation>
    </message>
</context>
<context>
    <name>QueryCommand</name>
    <message>
        <source>query: one SQL argument, quoted (found %1 arguments; see --help)</source>
        <translation>query: um argumento SQL, entre aspas (encontrados %1 argumentos; veja --help)</translation>
    </message>
    <message>
        <source>query: give the SQL as an argument or with --file, one of the two (see --help)</source>
        <translation>query: informe o SQL como argumento ou com --file, um dos dois (veja --help)</translation>
    </message>
    <message>
        <source>query: cannot read %1: %2</source>
        <translation>query: não é possível ler %1: %2</translation>
    </message>
    <message>
        <source>--format: &quot;%1&quot; is not one of table, csv, tsv, json, jsonl</source>
        <translation>--format: &quot;%1&quot; não é table, csv, tsv, json nem jsonl</translation>
    </message>
    <message>
        <source>--max-rows: &quot;%1&quot; is not a number of rows (1 or more)</source>
        <translation>--max-rows: &quot;%1&quot; não é um número de linhas (1 ou mais)</translation>
    </message>
    <message>
        <source>query: cannot write the result: %1</source>
        <translation>query: não é possível gravar o resultado: %1</translation>
    </message>
    <message>
        <source>row</source>
        <translation>linha</translation>
    </message>
    <message>
        <source>rows</source>
        <translation>linhas</translation>
    </message>
    <message>
        <source>query: %1interrupted after %2 s and %3; the query was stopped on the server</source>
        <translation>query: %1interrompida após %2 s e %3; a consulta foi interrompida no servidor</translation>
    </message>
    <message>
        <source> Add --write.)</source>
        <translation> Adicione --write.)</translation>
    </message>
    <message>
        <source> (%1 rows/s)</source>
        <translation> (%1 linhas/s)</translation>
    </message>
    <message>
        <source>; stopped at --max-rows %1</source>
        <translation>; parou em --max-rows %1</translation>
    </message>
    <message>
        <source>Runs SQL against ClickHouse as the Query page does: Grafana&apos;s macros ($__timeFilter, $__interval, $var, ...) expanded for --from/--to and the server&apos;s version, read-only unless --write, several statements (separated by ;) one after another, stopping at the first error. Results stream to standard output in the chosen format, statistics to standard error; Ctrl-C stops the query on the server. The server: --endpoint, else AUTOMAGIK_TELEMETRY_CLICKHOUSE_ENDPOINT, else the managed ClickHouse running from --data-dir, else http://localhost:8123.</source>
        <translation>Executa SQL no ClickHouse como a página Consulta: as macros do Grafana ($__timeFilter, $__interval, $var, ...) expandidas para --from/--to e a versão do servidor, somente leitura a menos que --write, várias instruções (separadas por ;) uma após a outra, parando no primeiro erro. Os resultados saem em fluxo na saída padrão no formato escolhido, as estatísticas na saída de erro padrão; Ctrl-C interrompe a consulta no servidor. O servidor: --endpoint, senão AUTOMAGIK_TELEMETRY_CLICKHOUSE_ENDPOINT, senão o ClickHouse gerenciado em execução a partir de --data-dir, senão http://localhost:8123.</translation>
    </message>
    <message>
        <source>The statements to run (or --file).</source>
        <translation>As instruções a executar (ou --file).</translation>
    </message>
    <message>
        <source>Read the statements from a file (- for standard input).</source>
        <translation>Lê as instruções de um arquivo (- para a entrada padrão).</translation>
    </message>
    <message>
        <source>Start of the time range the macros see (default now-6h).</source>
        <translation>Início do intervalo de tempo que as macros veem (padrão now-6h).</translation>
    </message>
    <message>
        <source>time</source>
        <translation>horário</translation>
    </message>
    <message>
        <source>End of the time range (default now). Times: now-6h, now/d, 2026-11-30 10:00, ISO 8601, epoch ms.</source>
        <translation>Fim do intervalo de tempo (padrão now). Horários: now-6h, now/d, 2026-11-30 10:00, ISO 8601, epoch em ms.</translation>
    </message>
    <message>
        <source>A dashboard variable&apos;s value (repeat a name for several values).</source>
        <translation>O valor de uma variável de painel (repita um nome para vários valores).</translation>
    </message>
    <message>
        <source>name=value</source>
        <translation>nome=valor</translation>
    </message>
    <message>
        <source>table, csv, tsv, json or jsonl (default table).</source>
        <translation>table, csv, tsv, json ou jsonl (padrão table).</translation>
    </message>
    <message>
        <source>format</source>
        <translation>formato</translation>
    </message>
    <message>
        <source>Stop after N rows of each statement.</source>
        <translation>Para após N linhas de cada instrução.</translation>
    </message>
    <message>
        <source>Allow statements that change data (read-only otherwise).</source>
        <translation>Permite instruções que alteram dados (caso contrário, somente leitura).</translation>
    </message>
    <message>
        <source>query: there is no statement to run</source>
        <translation>query: não há instrução para executar</translation>
    </message>
    <message>
        <source>query: cannot write to standard output: %1</source>
        <translation>query: não é possível gravar na saída padrão: %1</translation>
    </message>
    <message>
        <source>statement %1 of %2: </source>
        <translation>instrução %1 de %2: </translation>
    </message>
</context>
<context>
    <name>QueryController</name>
    <message>
        <source>Exporting… %1 written</source>
        <translation>Exportando… %1 gravados</translation>
    </message>
    <message>
        <source>Exported %1 to %2 in %3 s</source>
        <translation>%1 exportados para %2 em %3 s</translation>
    </message>
    <message>
        <source>Export cancelled after %1 s: %2 was left as it was</source>
        <translation>Exportação cancelada após %1 s: %2 foi mantido como estava</translation>
    </message>
    <message>
        <source>Export failed: %1 (%2 was left as it was)</source>
        <translation>Falha na exportação: %1 (%2 foi mantido como estava)</translation>
    </message>
    <message>
        <source>Nothing to run: write a statement.</source>
        <translation>Nada para executar: escreva uma instrução.</translation>
    </message>
    <message>
        <source>Run a statement first: the export runs it again and writes every row.</source>
        <translation>Execute uma instrução primeiro: a exportação a executa novamente e grava todas as linhas.</translation>
    </message>
    <message>
        <source>Exporting to %1…</source>
        <translation>Exportando para %1…</translation>
    </message>
</context>
<context>
    <name>QueryHistoryModel</name>
    <message>
        <source>%1, line %2: not a JSON object (%3)</source>
        <translation>%1, linha %2: não é um objeto JSON (%3)</translation>
    </message>
    <message>
        <source>another JSON value</source>
        <translation>outro valor JSON</translation>
    </message>
    <message>
        <source>%1, line %2: needs &quot;sql&quot; and an ISO &quot;ranAt&quot;</source>
        <translation>%1, linha %2: requer &quot;sql&quot; e um &quot;ranAt&quot; ISO</translation>
    </message>
    <message>
        <source>%1: could not be written</source>
        <translation>%1: não foi possível gravar</translation>
    </message>
    <message>
        <source>Ran at</source>
        <translation>Executada em</translation>
    </message>
    <message>
        <source>Statement</source>
        <translation>Instrução</translation>
    </message>
    <message>
        <source>Outcome</source>
        <translation>Resultado</translation>
    </message>
</context>
<context>
    <name>QueryPage</name>
    <message>
        <source>Query</source>
        <translation>Consulta</translation>
    </message>
    <message>
        <source>Run</source>
        <translation>Executar</translation>
    </message>
    <message>
        <source>Run the statement under the cursor, or the selection (Ctrl+Enter)</source>
        <translation>Executa a instrução sob o cursor, ou a seleção (Ctrl+Enter)</translation>
    </message>
    <message>
        <source>Run all</source>
        <translation>Executar tudo</translation>
    </message>
    <message>
        <source>Run every statement, one after the other (Ctrl+Shift+Enter)</source>
        <translation>Executa todas as instruções, uma após a outra (Ctrl+Shift+Enter)</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Cancelar</translation>
    </message>
    <message>
        <source>Stop the query here and on the server (Esc)</source>
        <translation>Interrompe a consulta aqui e no servidor (Esc)</translation>
    </message>
    <message>
        <source>Load more</source>
        <translation>Carregar mais</translation>
    </message>
    <message>
        <source>Load all</source>
        <translation>Carregar tudo</translation>
    </message>
    <message>
        <source>Export…</source>
        <translation>Exportar…</translation>
    </message>
    <message>
        <source>Run the last statement again and write every row to a CSV, TSV or JSON file</source>
        <translation>Executa de novo a última instrução e grava todas as linhas em um arquivo CSV, TSV ou JSON</translation>
    </message>
    <message>
        <source>Read-only</source>
        <translation>Somente leitura</translation>
    </message>
    <message>
        <source>The server refuses anything that changes data; off, destructive statements (DROP, TRUNCATE, ALTER, DELETE, ...) ask first</source>
        <translation>O servidor recusa tudo o que altera dados; desligado, instruções destrutivas (DROP, TRUNCATE, ALTER, DELETE, ...) pedem confirmação antes</translation>
    </message>
    <message>
        <source>New tab</source>
        <translation>Nova aba</translation>
    </message>
    <message>
        <source>Search the history</source>
        <translation>Pesquisar no histórico</translation>
    </message>
    <message>
        <source>Double-click to open the statement in a new tab</source>
        <translation>Clique duas vezes para abrir a instrução em uma nova aba</translation>
    </message>
    <message>
        <source>History</source>
        <translation>Histórico</translation>
    </message>
    <message>
        <source>Query %1</source>
        <translation>Consulta %1</translation>
    </message>
    <message>
        <source>Export the result</source>
        <translation>Exportar o resultado</translation>
    </message>
    <message>
        <source>CSV (*.csv);;Tab-separated (*.tsv);;JSON (*.json)</source>
        <translation>CSV (*.csv);;Separado por tabulações (*.tsv);;JSON (*.json)</translation>
    </message>
    <message>
        <source>Run a destructive statement?</source>
        <translation>Executar uma instrução destrutiva?</translation>
    </message>
    <message>
        <source>This statement changes or removes data, and it cannot be undone:

%1</source>
        <translation>Esta instrução altera ou remove dados, e isso não pode ser desfeito:

%1</translation>
    </message>
    <message>
        <source>Query tabs</source>
        <translation>Abas de consulta</translation>
    </message>
    <message>
        <source>Query history</source>
        <translation>Histórico de consultas</translation>
    </message>
    <message>
        <source>Next query tab</source>
        <translation>Próxima aba de consulta</translation>
    </message>
    <message>
        <source>Previous query tab</source>
        <translation>Aba de consulta anterior</translation>
    </message>
</context>
<context>
    <name>QueryPreparation</name>
    <message>
        <source>Macro error: %1</source>
        <translation>Erro de macro: %1</translation>
    </message>
    <message>
        <source>Not run: %1 was not confirmed.</source>
        <translation>Não executada: %1 não foi confirmado.</translation>
    </message>
    <message>
        <source>Read-only is on: turn it off to change data.</source>
        <translation>O modo somente leitura está ativado: desative-o para alterar dados.</translation>
    </message>
</context>
<context>
    <name>QuerySession</name>
    <message>
        <source>%1 s</source>
        <translation>%1 s</translation>
    </message>
    <message numerus="yes">
        <source>Running… %Ln row(s) so far, %1</source>
        <translation>
            <numerusform>Executando… %Ln linha até agora, %1</numerusform>
            <numerusform>Executando… %Ln linhas até agora, %1</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln row(s) shown; the server has more (load more or load all)</source>
        <translation>
            <numerusform>%Ln linha exibida; o servidor tem mais (carregue mais ou carregue tudo)</numerusform>
            <numerusform>%Ln linhas exibidas; o servidor tem mais (carregue mais ou carregue tudo)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Cancelled after %1: %Ln row(s) kept</source>
        <translation>
            <numerusform>Cancelado após %1: %Ln linha mantida</numerusform>
            <numerusform>Cancelado após %1: %Ln linhas mantidas</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Failed after %1 (%Ln row(s) kept): %2</source>
        <translation>
            <numerusform>Falhou após %1 (%Ln linha mantida): %2</numerusform>
            <numerusform>Falhou após %1 (%Ln linhas mantidas): %2</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln row(s) in %1</source>
        <translation>
            <numerusform>%Ln linha em %1</numerusform>
            <numerusform>%Ln linhas em %1</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>; the server read %Ln row(s), %1</source>
        <translation>
            <numerusform>; o servidor leu %Ln linha, %1</numerusform>
            <numerusform>; o servidor leu %Ln linhas, %1</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>; %Ln row(s) before LIMIT</source>
        <translation>
            <numerusform>; %Ln linha antes do LIMIT</numerusform>
            <numerusform>; %Ln linhas antes do LIMIT</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>QueryTab</name>
    <message>
        <source>Result</source>
        <translation>Resultado</translation>
    </message>
    <message>
        <source>Copy</source>
        <translation>Copiar</translation>
    </message>
    <message>
        <source>SQL sent</source>
        <translation>SQL enviado</translation>
    </message>
    <message>
        <source>Automatic</source>
        <translation>Automático</translation>
    </message>
    <message>
        <source>Chart type</source>
        <translation>Tipo de gráfico</translation>
    </message>
    <message>
        <source>Save PNG…</source>
        <translation>Salvar PNG…</translation>
    </message>
    <message>
        <source>Table</source>
        <translation>Tabela</translation>
    </message>
    <message>
        <source>Chart</source>
        <translation>Gráfico</translation>
    </message>
    <message>
        <source>Save the chart</source>
        <translation>Salvar o gráfico</translation>
    </message>
    <message>
        <source>PNG images (*.png)</source>
        <translation>Imagens PNG (*.png)</translation>
    </message>
    <message>
        <source>Could not write %1</source>
        <translation>Não foi possível gravar %1</translation>
    </message>
    <message>
        <source>Result views</source>
        <translation>Visualizações do resultado</translation>
    </message>
    <message numerus="yes">
        <source>Sorting %Ln row(s)…</source>
        <translation>
            <numerusform>Ordenando %Ln linha…</numerusform>
            <numerusform>Ordenando %Ln linhas…</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>RateChart</name>
    <message>
        <source>records/s</source>
        <translation>registros/s</translation>
    </message>
    <message>
        <source>failures/s</source>
        <translation>falhas/s</translation>
    </message>
    <message>
        <source>Replay rate</source>
        <translation>Taxa de reprodução</translation>
    </message>
</context>
<context>
    <name>ReceiveCommand</name>
    <message>
        <source>Runs the local collector in front of ClickHouse until Ctrl-C: an OTLP/HTTP receiver (protobuf and JSON, gzip; /v1/traces, /v1/metrics, /v1/logs) and a ClickHouse ingest gateway for the SDKs&apos; clickhouse backend (INSERT ... FORMAT JSONEachRow). Records are written with the upstream schema in the server&apos;s dialect; a success is answered only once they are in ClickHouse or in the spool on disk. The server: --endpoint, else AUTOMAGIK_TELEMETRY_CLICKHOUSE_ENDPOINT, else the managed ClickHouse running from --data-dir, else http://localhost:8123.</source>
        <translation>Executa o coletor local à frente do ClickHouse até Ctrl-C: um receptor OTLP/HTTP (protobuf e JSON, gzip; /v1/traces, /v1/metrics, /v1/logs) e um gateway de ingestão do ClickHouse para o backend clickhouse dos SDKs (INSERT ... FORMAT JSONEachRow). Os registros são gravados com o esquema do upstream no dialeto do servidor; o sucesso só é respondido quando eles estão no ClickHouse ou no spool em disco. O servidor: --endpoint, senão AUTOMAGIK_TELEMETRY_CLICKHOUSE_ENDPOINT, senão o ClickHouse gerenciado em execução a partir de --data-dir, senão http://localhost:8123.</translation>
    </message>
    <message>
        <source>Print statistics every N seconds (default 10; 0 = only on exit).</source>
        <translation>Exibe estatísticas a cada N segundos (padrão 10; 0 = apenas ao sair).</translation>
    </message>
    <message>
        <source>Print the addresses and each statistics report as one JSON line.</source>
        <translation>Exibe os endereços e cada relatório de estatísticas como uma linha JSON.</translation>
    </message>
    <message>
        <source>receive: unexpected argument &apos;%1&apos; (see --help)</source>
        <translation>receive: argumento inesperado &apos;%1&apos; (veja --help)</translation>
    </message>
    <message>
        <source>--stats-interval: &quot;%1&quot; is not a number of seconds</source>
        <translation>--stats-interval: &quot;%1&quot; não é um número de segundos</translation>
    </message>
    <message>
        <source>ClickHouse at %1 (from %2)</source>
        <translation>ClickHouse em %1 (de %2)</translation>
    </message>
    <message>
        <source>Receiving OTLP/HTTP at %1 (ClickHouse %2)</source>
        <translation>Recebendo OTLP/HTTP em %1 (ClickHouse %2)</translation>
    </message>
    <message>
        <source>ClickHouse ingest gateway at %1</source>
        <translation>Gateway de ingestão do ClickHouse em %1</translation>
    </message>
    <message>
        <source>Press Ctrl-C to stop.</source>
        <translation>Pressione Ctrl-C para parar.</translation>
    </message>
    <message>
        <source>Stopped. Totals:</source>
        <translation>Parado. Totais:</translation>
    </message>
</context>
<context>
    <name>RecordBar</name>
    <message>
        <source>Record…</source>
        <translation>Gravar…</translation>
    </message>
    <message>
        <source>Stop recording</source>
        <translation>Parar gravação</translation>
    </message>
    <message>
        <source>Write what the workbench&apos;s OTLP receiver takes into a new capture</source>
        <translation>Gravar o que o receptor OTLP da bancada recebe em uma nova captura</translation>
    </message>
    <message>
        <source>Recording needs the workbench&apos;s receiver, which runs with the managed ClickHouse.</source>
        <translation>A gravação precisa do receptor da bancada, que roda com o ClickHouse gerenciado.</translation>
    </message>
    <message>
        <source>Recording needs</source>
        <translation>A gravação precisa</translation>
    </message>
    <message>
        <source>Record into</source>
        <translation>Gravar em</translation>
    </message>
    <message>
        <source>OpenTelemetry JSON Lines (*.jsonl);;Compressed (*.jsonl.gz)</source>
        <translation>OpenTelemetry JSON Lines (*.jsonl);;Compactado (*.jsonl.gz)</translation>
    </message>
    <message>
        <source>Cannot record: %1</source>
        <translation>Não é possível gravar: %1</translation>
    </message>
    <message>
        <source>The recording into %1 failed: %2</source>
        <translation>A gravação em %1 falhou: %2</translation>
    </message>
    <message>
        <source>Recorded %1, %2, %3 into %4</source>
        <translation>Gravados %1, %2, %3 em %4</translation>
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
            <numerusform>%Ln ponto de métrica</numerusform>
            <numerusform>%Ln pontos de métrica</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln log(s)</source>
        <translation>
            <numerusform>%Ln log</numerusform>
            <numerusform>%Ln logs</numerusform>
        </translation>
    </message>
    <message>
        <source>Recording into %1: %2, %3, %4, %5</source>
        <translation>Gravando em %1: %2, %3, %4, %5</translation>
    </message>
</context>
<context>
    <name>RecordCommand</name>
    <message>
        <source>Recorded %1 spans, %2 metric points and %3 logs in %4 lines (%5 bytes) to %6</source>
        <translation>%1 spans, %2 pontos de métrica e %3 logs gravados em %6: %4 linhas (%5 bytes)</translation>
    </message>
    <message>
        <source>  rotated: %1</source>
        <translation>  rotacionado: %1</translation>
    </message>
    <message>
        <source>Runs the OTLP/HTTP receiver (/v1/traces, /v1/metrics, /v1/logs; protobuf or JSON, gzip) and writes every record it accepts into a capture in the OpenTelemetry file format (JSON Lines of TracesData, MetricsData and LogsData, as the Collector&apos;s file exporter writes them; gzip when FILE ends in .gz), and into ClickHouse as `receive` does unless --no-store. Stops after --duration seconds or on Ctrl-C. Exit code 0 when the capture was written, 1 when it could not be, 2 for a wrong command line.</source>
        <translation>Executa o receptor OTLP/HTTP (/v1/traces, /v1/metrics, /v1/logs; protobuf ou JSON, gzip) e grava cada registro aceito em uma captura no formato de arquivo do OpenTelemetry (JSON Lines de TracesData, MetricsData e LogsData, como o file exporter do Collector os grava; gzip quando FILE termina em .gz), e no ClickHouse como `receive` faz, a menos que --no-store. Para após --duration segundos ou com Ctrl-C. Código de saída 0 quando a captura foi gravada, 1 quando não pôde ser, 2 para uma linha de comando incorreta.</translation>
    </message>
    <message>
        <source>The capture file to write (replaced if it exists).</source>
        <translation>O arquivo de captura a gravar (substituído se existir).</translation>
    </message>
    <message>
        <source>FILE</source>
        <translation>FILE</translation>
    </message>
    <message>
        <source>Stop after S seconds (default: at Ctrl-C).</source>
        <translation>Para após S segundos (padrão: com Ctrl-C).</translation>
    </message>
    <message>
        <source>Only write the capture; no ClickHouse is needed.</source>
        <translation>Grava apenas a captura; nenhum ClickHouse é necessário.</translation>
    </message>
    <message>
        <source>Start a new file when this one reaches N MB (the full one is renamed with its UTC time).</source>
        <translation>Inicia um novo arquivo quando este atinge N MB (o cheio é renomeado com seu horário UTC).</translation>
    </message>
    <message>
        <source>Print the address and the summary as JSON lines.</source>
        <translation>Imprime o endereço e o resumo como linhas JSON.</translation>
    </message>
    <message>
        <source>record: unexpected argument &apos;%1&apos; (see --help)</source>
        <translation>record: argumento inesperado &apos;%1&apos; (veja --help)</translation>
    </message>
    <message>
        <source>record: --out FILE is required (see --help)</source>
        <translation>record: --out FILE é obrigatório (veja --help)</translation>
    </message>
    <message>
        <source>--duration: &quot;%1&quot; is not a number of seconds</source>
        <translation>--duration: &quot;%1&quot; não é um número de segundos</translation>
    </message>
    <message>
        <source>--rotate-mb: &quot;%1&quot; is not a number of megabytes</source>
        <translation>--rotate-mb: &quot;%1&quot; não é um número de megabytes</translation>
    </message>
    <message>
        <source>Recording OTLP/HTTP at %1 into %2%3</source>
        <translation>Gravando OTLP/HTTP de %1 em %2%3</translation>
    </message>
    <message>
        <source> and ClickHouse</source>
        <translation> e no ClickHouse</translation>
    </message>
    <message>
        <source>Stopping after %1 s, or at Ctrl-C.</source>
        <translation>Parando após %1 s, ou com Ctrl-C.</translation>
    </message>
    <message>
        <source>Press Ctrl-C to stop.</source>
        <translation>Pressione Ctrl-C para parar.</translation>
    </message>
    <message>
        <source><byte value="xd"/>  %1 spans, %2 metric points, %3 logs, %4 MB written   </source>
        <translation><byte value="xd"/>  %1 spans, %2 pontos de métrica, %3 logs, %4 MB gravados   </translation>
    </message>
</context>
<context>
    <name>ReplayCommand</name>
    <message>
        <source>FILE</source>
        <translation>FILE</translation>
    </message>
    <message>
        <source>Capture files, replayed one after the other.</source>
        <translation>Arquivos de captura, reproduzidos um após o outro.</translation>
    </message>
    <message>
        <source>FILE...</source>
        <translation>FILE...</translation>
    </message>
    <message>
        <source>A factor of the capture&apos;s own timing (0.1 to 1000), or max (default 1).</source>
        <translation>Um fator do ritmo original da captura (0.1 a 1000), ou max (padrão 1).</translation>
    </message>
    <message>
        <source>A fixed rate in records per second instead of the capture&apos;s timing.</source>
        <translation>Uma taxa fixa em registros por segundo em vez do ritmo da captura.</translation>
    </message>
    <message>
        <source>The longest wait between two records, in seconds (default 5).</source>
        <translation>A maior espera entre dois registros, em segundos (padrão 5).</translation>
    </message>
    <message>
        <source>Move timestamps: start-now (the first record now) or end-now (the last).</source>
        <translation>Desloca os carimbos de tempo: start-now (o primeiro registro agora) ou end-now (o último).</translation>
    </message>
    <message>
        <source>where</source>
        <translation>onde</translation>
    </message>
    <message>
        <source>Give traces and spans new ids (consistently; parents and logs follow).</source>
        <translation>Dá novos ids a traces e spans (de forma consistente; pais e logs acompanham).</translation>
    </message>
    <message>
        <source>Replay N times (0 = until Ctrl-C; default 1).</source>
        <translation>Reproduz N vezes (0 = até Ctrl-C; padrão 1).</translation>
    </message>
    <message>
        <source>Only records that match: signal=traces,metrics,logs | name=PATTERN | service=NAME | project=NAME | environment=NAME. Repeatable; all must match.</source>
        <translation>Apenas registros que correspondem: signal=traces,metrics,logs | name=PATTERN | service=NAME | project=NAME | environment=NAME. Repetível; todos devem corresponder.</translation>
    </message>
    <message>
        <source>key=value</source>
        <translation>chave=valor</translation>
    </message>
    <message>
        <source>The signal of protobuf captures that hold one (traces, metrics or logs; by default it is recognised).</source>
        <translation>O sinal das capturas protobuf que contêm um só (traces, metrics ou logs; por padrão ele é reconhecido).</translation>
    </message>
    <message>
        <source>signal</source>
        <translation>sinal</translation>
    </message>
    <message>
        <source>The replay id to stamp (default: a fresh one).</source>
        <translation>O id de reprodução a carimbar (padrão: um novo).</translation>
    </message>
    <message>
        <source>Afterwards, check in ClickHouse that every record arrived exactly once.</source>
        <translation>Depois, verifica no ClickHouse se cada registro chegou exatamente uma vez.</translation>
    </message>
    <message>
        <source>How long --verify waits for late records, in seconds (default 30).</source>
        <translation>Quanto tempo --verify espera por registros atrasados, em segundos (padrão 30).</translation>
    </message>
    <message>
        <source>Print the summary as one JSON object.</source>
        <translation>Imprime o resumo como um objeto JSON.</translation>
    </message>
    <message>
        <source>--%1: &quot;%2&quot; is not a number from %3 to %4</source>
        <translation>--%1: &quot;%2&quot; não é um número de %3 a %4</translation>
    </message>
    <message>
        <source>replay: name at least one capture file (see --help)</source>
        <translation>replay: informe ao menos um arquivo de captura (veja --help)</translation>
    </message>
    <message>
        <source>replay: %1 is not a file</source>
        <translation>replay: %1 não é um arquivo</translation>
    </message>
    <message>
        <source>--shift: &quot;%1&quot; is not start-now or end-now</source>
        <translation>--shift: &quot;%1&quot; não é start-now nem end-now</translation>
    </message>
    <message>
        <source>--signal: &quot;%1&quot; is not traces, metrics or logs</source>
        <translation>--signal: &quot;%1&quot; não é traces, metrics nem logs</translation>
    </message>
    <message>
        <source>Replays capture files (the OpenTelemetry file format: JSON Lines or the file exporter&apos;s proto, gzip or zstd) through a backend with the records&apos; own timing, scheduled against the start so it does not drift, gaps capped by --max-wait. Every record carries the resource attribute workbench.replay.id and the attribute workbench.replay.seq. Ctrl-C cancels (what was sent is delivered first). Exit codes: 0 every record sent (and with --verify, each found exactly once); 3 partial (bad capture lines skipped, records refused, or gaps found by --verify); 1 error; 2 wrong command line. The ClickHouse (of the clickhouse backend and of --verify): --endpoint, else AUTOMAGIK_TELEMETRY_CLICKHOUSE_ENDPOINT, else the managed ClickHouse running from --data-dir, else http://localhost:8123.</source>
        <translation>Reproduz arquivos de captura (o formato de arquivo do OpenTelemetry: JSON Lines ou o proto do file exporter, gzip ou zstd) por um backend com o ritmo original dos registros, agendado em relação ao início para não se desviar, com intervalos limitados por --max-wait. Cada registro leva o atributo de recurso workbench.replay.id e o atributo workbench.replay.seq. Ctrl-C cancela (o que foi enviado é entregue antes). Códigos de saída: 0 todos os registros enviados (e, com --verify, cada um encontrado exatamente uma vez); 3 parcial (linhas de captura inválidas ignoradas, registros recusados ou lacunas encontradas por --verify); 1 erro; 2 linha de comando incorreta. O ClickHouse (do backend clickhouse e de --verify): --endpoint, senão AUTOMAGIK_TELEMETRY_CLICKHOUSE_ENDPOINT, senão o ClickHouse gerenciado rodando a partir de --data-dir, senão http://localhost:8123.</translation>
    </message>
    <message>
        <source>replay: --verify needs a backend that stores (a dry run sends nothing)</source>
        <translation>replay: --verify precisa de um backend que armazene (uma execução de teste não envia nada)</translation>
    </message>
</context>
<context>
    <name>ReplayControls</name>
    <message>
        <source>New trace and span ids (a second replay does not collide with the first)</source>
        <translation>Novos IDs de trace e span (uma segunda reprodução não colide com a primeira)</translation>
    </message>
    <message>
        <source>Spans</source>
        <translation>Spans</translation>
    </message>
    <message>
        <source>Metrics</source>
        <translation>Métricas</translation>
    </message>
    <message>
        <source>Logs</source>
        <translation>Logs</translation>
    </message>
    <message>
        <source>Verify the delivery in ClickHouse afterwards</source>
        <translation>Verificar a entrega no ClickHouse depois</translation>
    </message>
    <message>
        <source>Timing</source>
        <translation>Temporização</translation>
    </message>
    <message>
        <source>The capture&apos;s own, at a speed</source>
        <translation>A da própria captura, em uma velocidade</translation>
    </message>
    <message>
        <source>A fixed rate</source>
        <translation>Uma taxa fixa</translation>
    </message>
    <message>
        <source>As fast as possible</source>
        <translation>O mais rápido possível</translation>
    </message>
    <message>
        <source>Fixed rate</source>
        <translation>Taxa fixa</translation>
    </message>
    <message>
        <source> records/s</source>
        <translation> registros/s</translation>
    </message>
    <message>
        <source>Longest wait</source>
        <translation>Espera máxima</translation>
    </message>
    <message>
        <source> s</source>
        <translation> s</translation>
    </message>
    <message>
        <source>A longer gap between two records (after the speed) counts as this long.</source>
        <translation>Um intervalo maior entre dois registros (após aplicar a velocidade) conta como esta duração.</translation>
    </message>
    <message>
        <source>Timestamps</source>
        <translation>Carimbos de tempo</translation>
    </message>
    <message>
        <source>Kept as captured</source>
        <translation>Mantidos como capturados</translation>
    </message>
    <message>
        <source>Shifted so the capture starts now</source>
        <translation>Deslocados para a captura começar agora</translation>
    </message>
    <message>
        <source>Shifted so the capture ends now</source>
        <translation>Deslocados para a captura terminar agora</translation>
    </message>
    <message>
        <source>Remap ids</source>
        <translation>Remapear IDs</translation>
    </message>
    <message>
        <source>Loops</source>
        <translation>Repetições</translation>
    </message>
    <message>
        <source>Until cancelled</source>
        <translation>Até cancelar</translation>
    </message>
    <message>
        <source>Name pattern</source>
        <translation>Padrão de nome</translation>
    </message>
    <message>
        <source>Any (wildcards: checkout.*)</source>
        <translation>Qualquer (curingas: checkout.*)</translation>
    </message>
    <message>
        <source>Service</source>
        <translation>Serviço</translation>
    </message>
    <message>
        <source>Any</source>
        <translation>Qualquer</translation>
    </message>
    <message>
        <source>Verify</source>
        <translation>Verificar</translation>
    </message>
    <message>
        <source>&amp;Timing:</source>
        <translation>&amp;Temporização:</translation>
    </message>
    <message>
        <source>&amp;Speed:</source>
        <translation>&amp;Velocidade:</translation>
    </message>
    <message>
        <source>&amp;Rate:</source>
        <translation>Ta&amp;xa:</translation>
    </message>
    <message>
        <source>Longest &amp;wait:</source>
        <translation>Es&amp;pera máxima:</translation>
    </message>
    <message>
        <source>Time&amp;stamps:</source>
        <translation>&amp;Carimbos de tempo:</translation>
    </message>
    <message>
        <source>&amp;Loops:</source>
        <translation>&amp;Repetições:</translation>
    </message>
    <message>
        <source>Signals:</source>
        <translation>Sinais:</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>&amp;Nome:</translation>
    </message>
    <message>
        <source>Speed</source>
        <translation>Velocidade</translation>
    </message>
    <message>
        <source>Max</source>
        <translation>Máx.</translation>
    </message>
    <message>
        <source>Speed %1x</source>
        <translation>Velocidade %1x</translation>
    </message>
    <message>
        <source>Choose at least one signal to replay</source>
        <translation>Escolha pelo menos um sinal para reproduzir</translation>
    </message>
    <message>
        <source>Servi&amp;ce:</source>
        <translation>Servi&amp;ço:</translation>
    </message>
    <message>
        <source>%1x</source>
        <translation>%1x</translation>
    </message>
</context>
<context>
    <name>ReplayPage</name>
    <message>
        <source>Sent; looking for every record in ClickHouse…</source>
        <translation>Enviado; procurando cada registro no ClickHouse…</translation>
    </message>
    <message>
        <source>Open captures…</source>
        <translation>Abrir capturas…</translation>
    </message>
    <message>
        <source>OpenTelemetry file format (JSON Lines or proto, gzip or zstd) or ClickHouse JSONEachRow exports; or drop files on the page</source>
        <translation>Formato de arquivo OpenTelemetry (JSON Lines ou proto, gzip ou zstd) ou exportações JSONEachRow do ClickHouse; ou solte arquivos na página</translation>
    </message>
    <message>
        <source>No capture open: open one or drop files here.</source>
        <translation>Nenhuma captura aberta: abra uma ou solte arquivos aqui.</translation>
    </message>
    <message>
        <source>Show signal</source>
        <translation>Mostrar sinal</translation>
    </message>
    <message>
        <source>All signals</source>
        <translation>Todos os sinais</translation>
    </message>
    <message>
        <source>Spans</source>
        <translation>Spans</translation>
    </message>
    <message>
        <source>Metrics</source>
        <translation>Métricas</translation>
    </message>
    <message>
        <source>Logs</source>
        <translation>Logs</translation>
    </message>
    <message>
        <source>Search records</source>
        <translation>Pesquisar registros</translation>
    </message>
    <message>
        <source>Search service, name, status</source>
        <translation>Pesquisar serviço, nome, status</translation>
    </message>
    <message>
        <source>Capture records</source>
        <translation>Registros da captura</translation>
    </message>
    <message>
        <source>Replay</source>
        <translation>Reproduzir</translation>
    </message>
    <message>
        <source>Replay the open captures (Ctrl+Enter)</source>
        <translation>Reproduzir as capturas abertas (Ctrl+Enter)</translation>
    </message>
    <message>
        <source>Pause</source>
        <translation>Pausar</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Cancelar</translation>
    </message>
    <message>
        <source>Replay progress</source>
        <translation>Progresso da reprodução</translation>
    </message>
    <message>
        <source>Save report…</source>
        <translation>Salvar relatório…</translation>
    </message>
    <message>
        <source>Save the replay report</source>
        <translation>Salvar o relatório da reprodução</translation>
    </message>
    <message>
        <source>JSON (*.json)</source>
        <translation>JSON (*.json)</translation>
    </message>
    <message>
        <source>Open captures</source>
        <translation>Abrir capturas</translation>
    </message>
    <message>
        <source>Captures (*.jsonl *.json *.jsonl.gz *.json.gz *.zst *.pb *.proto *.bin);;All files (*)</source>
        <translation>Capturas (*.jsonl *.json *.jsonl.gz *.json.gz *.zst *.pb *.proto *.bin);;Todos os arquivos (*)</translation>
    </message>
    <message>
        <source>Reading…</source>
        <translation>Lendo…</translation>
    </message>
    <message>
        <source> (reading: %1%)</source>
        <translation> (lendo: %1%)</translation>
    </message>
    <message>
        <source> (reading stopped)</source>
        <translation> (leitura interrompida)</translation>
    </message>
    <message>
        <source>Open a capture first</source>
        <translation>Abra uma captura primeiro</translation>
    </message>
    <message>
        <source>Starting…</source>
        <translation>Iniciando…</translation>
    </message>
    <message>
        <source>Resume</source>
        <translation>Retomar</translation>
    </message>
    <message>
        <source>Cancelled before anything was sent</source>
        <translation>Cancelado antes de qualquer envio</translation>
    </message>
    <message>
        <source>Cancelling: what was handed over is still delivered…</source>
        <translation>Cancelando: o que já foi repassado ainda será entregue…</translation>
    </message>
    <message>
        <source>There is no finished replay to report</source>
        <translation>Não há reprodução concluída para relatar</translation>
    </message>
    <message>
        <source>The report was not saved: %1</source>
        <translation>O relatório não foi salvo: %1</translation>
    </message>
    <message>
        <source>Saved the report to %1</source>
        <translation>Relatório salvo em %1</translation>
    </message>
    <message>
        <source>Replay options</source>
        <translation>Opções de reprodução</translation>
    </message>
    <message numerus="yes">
        <source>; %Ln line(s) could not be read (hover for where and why)</source>
        <translation>
            <numerusform>; %Ln linha não pôde ser lida (passe o mouse para ver onde e por quê)</numerusform>
            <numerusform>; %Ln linhas não puderam ser lidas (passe o mouse para ver onde e por quê)</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ReplayReport</name>
    <message>
        <source><byte value="xd"/>  %1 records  %2/s</source>
        <translation><byte value="xd"/>  %1 registros  %2/s</translation>
    </message>
    <message>
        <source>  ETA %1</source>
        <translation>  ETA %1</translation>
    </message>
    <message>
        <source>  lag %1 ms  %2 problems  %3 failed%4   </source>
        <translation>  atraso %1 ms  %2 problemas  %3 com falha%4   </translation>
    </message>
    <message>
        <source>  (paused)</source>
        <translation>  (pausado)</translation>
    </message>
    <message>
        <source>%1 replay %2 to %3: %4 spans, %5 metric points, %6 logs in %7 (%8 records/s; scheduled %9, late at most %10 ms)</source>
        <translation>%1 — reprodução %2 para %3: %4 spans, %5 pontos de métrica, %6 logs em %7 (%8 registros/s; agendado %9, atraso máximo de %10 ms)</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>Cancelada</translation>
    </message>
    <message>
        <source>Finished</source>
        <translation>Concluída</translation>
    </message>
    <message>
        <source>Read %1 bytes, decoded at %2 records/s; %3 capture problems; %4 filtered out; peak memory %5 MiB</source>
        <translation>Lidos %1 bytes, decodificados a %2 registros/s; %3 problemas na captura; %4 filtrados; pico de memória %5 MiB</translation>
    </message>
    <message>
        <source>Output: %1 delivered, %2 failed, %3 in the spool%4</source>
        <translation>Saída: %1 entregues, %2 com falha, %3 no spool%4</translation>
    </message>
    <message>
        <source> (last error: %1)</source>
        <translation> (último erro: %1)</translation>
    </message>
    <message>
        <source>Verification failed: %1</source>
        <translation>Falha na verificação: %1</translation>
    </message>
    <message>
        <source>Verified %1: %2 expected, %3 found, %4 missing, %5 duplicated</source>
        <translation>Verificação de %1: %2 esperados, %3 encontrados, %4 ausentes, %5 duplicados</translation>
    </message>
    <message>
        <source>; missing seq %1</source>
        <translation>; seq ausentes %1</translation>
    </message>
    <message>
        <source>; duplicated seq %1</source>
        <translation>; seq duplicados %1</translation>
    </message>
    <message>
        <source>Every record arrived exactly once.</source>
        <translation>Todos os registros chegaram exatamente uma vez.</translation>
    </message>
    <message>
        <source>Not every record arrived exactly once.</source>
        <translation>Nem todos os registros chegaram exatamente uma vez.</translation>
    </message>
</context>
<context>
    <name>ReplayStatusText</name>
    <message>
        <source>%1 of %2 sent · %3/s</source>
        <translation>%1 de %2 enviados · %3/s</translation>
    </message>
    <message>
        <source>%1 sent · %2/s</source>
        <translation>%1 enviados · %2/s</translation>
    </message>
    <message>
        <source> · ETA %1</source>
        <translation> · tempo restante %1</translation>
    </message>
    <message>
        <source> · %1 ms behind schedule</source>
        <translation> · %1 ms de atraso</translation>
    </message>
    <message>
        <source> · %1 failed</source>
        <translation> · %1 com falha</translation>
    </message>
    <message>
        <source> · %1 unreadable</source>
        <translation> · %1 ilegíveis</translation>
    </message>
    <message>
        <source> · paused</source>
        <translation> · pausado</translation>
    </message>
    <message>
        <source>The replay could not run: %1</source>
        <translation>Não foi possível executar a reprodução: %1</translation>
    </message>
    <message>
        <source>; %1 delivered, %2 failed, %3 in the spool; late at most %4 ms</source>
        <translation>; %1 entregues, %2 com falha, %3 no spool; atraso máximo de %4 ms</translation>
    </message>
    <message>
        <source> (last error: %1)</source>
        <translation> (último erro: %1)</translation>
    </message>
    <message numerus="yes">
        <source>Cancelled after %Ln record(s): %1, %2, %3 in %4</source>
        <translation>
            <numerusform>Cancelado após %Ln registro: %1, %2, %3 em %4</numerusform>
            <numerusform>Cancelado após %Ln registros: %1, %2, %3 em %4</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Replayed %Ln record(s): %1, %2, %3 in %4</source>
        <translation>
            <numerusform>%Ln registro reproduzido: %1, %2, %3 em %4</numerusform>
            <numerusform>%Ln registros reproduzidos: %1, %2, %3 em %4</numerusform>
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
            <numerusform>%Ln ponto de métrica</numerusform>
            <numerusform>%Ln pontos de métrica</numerusform>
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
    <name>ResultChart</name>
    <message>
        <source>Run a query to chart its result.</source>
        <translation>Execute uma consulta para ver o resultado em gráfico.</translation>
    </message>
    <message>
        <source>No rows to chart.</source>
        <translation>Nenhuma linha para exibir em gráfico.</translation>
    </message>
    <message>
        <source>Shown as a table: see the Table tab.</source>
        <translation>Exibido como tabela: veja a aba Tabela.</translation>
    </message>
    <message>
        <source>A time series needs a Date or DateTime column and a numeric column.</source>
        <translation>Uma série temporal precisa de uma coluna Date ou DateTime e de uma coluna numérica.</translation>
    </message>
    <message>
        <source>No time values to chart.</source>
        <translation>Nenhum valor de tempo para exibir em gráfico.</translation>
    </message>
    <message>
        <source>The first %1 of %2 series</source>
        <translation>As primeiras %1 de %2 séries</translation>
    </message>
    <message>
        <source>A chart needs a numeric column.</source>
        <translation>Um gráfico precisa de uma coluna numérica.</translation>
    </message>
    <message>
        <source>Other</source>
        <translation>Outros</translation>
    </message>
    <message>
        <source>The first %1 of %2 rows</source>
        <translation>As primeiras %1 de %2 linhas</translation>
    </message>
    <message>
        <source>A stat needs a numeric column.</source>
        <translation>Um quadro Stat precisa de uma coluna numérica.</translation>
    </message>
    <message>
        <source>Chart</source>
        <translation>Gráfico</translation>
    </message>
</context>
<context>
    <name>SampleCommand</name>
    <message>
        <source>--%1: &quot;%2&quot; is not a number from 1 to %3</source>
        <translation>--%1: &quot;%2&quot; não é um número de 1 a %3</translation>
    </message>
    <message>
        <source>%1 rows reached ClickHouse before the failure.</source>
        <translation>%1 linhas chegaram ao ClickHouse antes da falha.</translation>
    </message>
    <message>
        <source>The telemetry schema was missing in %1 and has been installed.</source>
        <translation>O esquema de telemetria estava ausente em %1 e foi instalado.</translation>
    </message>
    <message>
        <source>%1 %2 rows of sample telemetry into %3 in %4 s:</source>
        <translation>%1 %2 linhas de telemetria de exemplo em %3 (%4 s):</translation>
    </message>
    <message>
        <source>Cancelled after writing</source>
        <translation>Cancelado após gravar</translation>
    </message>
    <message>
        <source>Wrote</source>
        <translation>Gravadas</translation>
    </message>
    <message>
        <source>Loads realistic telemetry of five Automagik services into ClickHouse through the direct backend: events as the SDKs send them (about one in 25 an error, API requests with child spans), gauges, counters and histograms, logs of every severity tied to their spans, spread over the last hours so that every upstream dashboard panel has data. The schema is installed first when it is missing. The server: --endpoint, else AUTOMAGIK_TELEMETRY_CLICKHOUSE_ENDPOINT, else the managed ClickHouse running from --data-dir (a window or &apos;stack start&apos;), else http://localhost:8123.</source>
        <translation>Carrega telemetria realista de cinco serviços Automagik no ClickHouse pelo backend direto: eventos como os SDKs os enviam (cerca de um em 25 é um erro, requisições de API com spans filhos), gauges, counters e histogramas, logs de todas as severidades ligados aos seus spans, distribuídos pelas últimas horas para que todo quadro dos painéis do upstream tenha dados. O esquema é instalado antes quando está ausente. O servidor: --endpoint, senão AUTOMAGIK_TELEMETRY_CLICKHOUSE_ENDPOINT, senão o ClickHouse gerenciado em execução a partir de --data-dir (uma janela ou &apos;stack start&apos;), senão http://localhost:8123.</translation>
    </message>
    <message>
        <source>Spread the telemetry over the last N hours (default 6).</source>
        <translation>Distribui a telemetria pelas últimas N horas (padrão 6).</translation>
    </message>
    <message>
        <source>Average events per minute over the day (default 30).</source>
        <translation>Média de eventos por minuto ao longo do dia (padrão 30).</translation>
    </message>
    <message>
        <source>Seed of the random choices, to repeat a run (default 1).</source>
        <translation>Semente das escolhas aleatórias, para repetir uma execução (padrão 1).</translation>
    </message>
    <message>
        <source>Print what was written per table as one JSON line.</source>
        <translation>Exibe o que foi gravado por tabela como uma linha JSON.</translation>
    </message>
    <message>
        <source>sample: unexpected argument &apos;%1&apos; (see --help)</source>
        <translation>sample: argumento inesperado &apos;%1&apos; (veja --help)</translation>
    </message>
    <message>
        <source>ClickHouse at %1 (from %2)</source>
        <translation>ClickHouse em %1 (de %2)</translation>
    </message>
    <message>
        <source>sample failed: %1</source>
        <translation>sample falhou: %1</translation>
    </message>
    <message>
        <source>sample: cancelled; the rows above were written</source>
        <translation>sample: cancelado; as linhas acima foram gravadas</translation>
    </message>
</context>
<context>
    <name>SampleTelemetryLoader</name>
    <message>
        <source>cannot reach ClickHouse at %1: %2</source>
        <translation>não é possível acessar o ClickHouse em %1: %2</translation>
    </message>
    <message>
        <source>Asking ClickHouse at %1 what it can do</source>
        <translation>Verificando o que o ClickHouse em %1 suporta</translation>
    </message>
    <message>
        <source>Cancelled: delivering what was already made</source>
        <translation>Cancelado: entregando o que já foi gerado</translation>
    </message>
    <message>
        <source>Checking the telemetry schema in %1</source>
        <translation>Verificando o esquema de telemetria em %1</translation>
    </message>
    <message>
        <source>Installing the telemetry schema in %1</source>
        <translation>Instalando o esquema de telemetria em %1</translation>
    </message>
    <message>
        <source>the telemetry schema in %1 is not the upstream one (%2); &apos;automagik-workbench schema upgrade&apos; adds what is missing</source>
        <translation>o esquema de telemetria em %1 não é o do upstream (%2); &apos;automagik-workbench schema upgrade&apos; adiciona o que falta</translation>
    </message>
    <message>
        <source>Writing %1 hours of sample telemetry</source>
        <translation>Gravando %1 horas de telemetria de exemplo</translation>
    </message>
    <message>
        <source>Waiting for ClickHouse to take the last rows</source>
        <translation>Aguardando o ClickHouse receber as últimas linhas</translation>
    </message>
    <message numerus="yes">
        <source>%n rows could not be written: %1</source>
        <translation>
            <numerusform>%n linha não pôde ser gravada: %1</numerusform>
            <numerusform>%n linhas não puderam ser gravadas: %1</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 rows were made but ClickHouse confirmed %2</source>
        <translation>%1 linhas foram geradas, mas o ClickHouse confirmou %2</translation>
    </message>
</context>
<context>
    <name>SchemaCommand</name>
    <message>
        <source>The upstream telemetry schema (traces, metrics, logs, the rollups and their views) on a ClickHouse server, as upstream wrote it on modern servers and with Nested instead of Map, without TTL and skip indexes on old ones. The server: --endpoint, else AUTOMAGIK_TELEMETRY_CLICKHOUSE_ENDPOINT, else the managed ClickHouse running from --data-dir (a window or &apos;stack start&apos;), else http://localhost:8123. Credentials: --user or AUTOMAGIK_TELEMETRY_CLICKHOUSE_USERNAME, and _PASSWORD (only from the environment, so that it does not show in the process list).</source>
        <translation>O esquema de telemetria do upstream (traces, metrics, logs, os rollups e suas views) em um servidor ClickHouse, como o upstream o escreveu em servidores modernos e, em servidores antigos, com Nested em vez de Map, sem TTL e sem skip indexes. O servidor: --endpoint, senão AUTOMAGIK_TELEMETRY_CLICKHOUSE_ENDPOINT, senão o ClickHouse gerenciado rodando a partir de --data-dir (uma janela ou &apos;stack start&apos;), senão http://localhost:8123. Credenciais: --user ou AUTOMAGIK_TELEMETRY_CLICKHOUSE_USERNAME, e _PASSWORD (apenas do ambiente, para que não apareça na lista de processos).</translation>
    </message>
    <message>
        <source>action</source>
        <translation>ação</translation>
    </message>
    <message>
        <source>install (create what is missing, safe to repeat), verify (compare), upgrade (add missing tables and columns), reset (empty every table: needs --yes), drop (the whole database: needs --yes)</source>
        <translation>install (cria o que falta, seguro de repetir), verify (compara), upgrade (adiciona tabelas e colunas ausentes), reset (esvazia todas as tabelas: requer --yes), drop (o banco de dados inteiro: requer --yes)</translation>
    </message>
    <message>
        <source>Confirm reset or drop: they destroy data.</source>
        <translation>Confirma reset ou drop: eles destroem dados.</translation>
    </message>
    <message>
        <source>usage: automagik-workbench schema %1 [options]</source>
        <translation>uso: automagik-workbench schema %1 [opções]</translation>
    </message>
    <message>
        <source>&apos;schema %1&apos; destroys data; run it again with --yes if that is what you want</source>
        <translation>&apos;schema %1&apos; destrói dados; execute novamente com --yes se é isso que você quer</translation>
    </message>
    <message>
        <source>cannot reach ClickHouse at %1 (from %2): %3</source>
        <translation>não é possível acessar o ClickHouse em %1 (origem: %2): %3</translation>
    </message>
    <message>
        <source>ClickHouse %1 at %2: %3 dialect, database %4</source>
        <translation>ClickHouse %1 em %2: dialeto %3, banco de dados %4</translation>
    </message>
    <message>
        <source>schema %1 failed: %2</source>
        <translation>schema %1 falhou: %2</translation>
    </message>
    <message>
        <source>schema %1: done</source>
        <translation>schema %1: concluído</translation>
    </message>
</context>
<context>
    <name>SecretPrompt</name>
    <message>
        <source>No system keyring</source>
        <translation>Sem chaveiro do sistema</translation>
    </message>
    <message>
        <source>%1 (there is no keyring here, so it is asked once per session and never written to disk):</source>
        <translation>%1 (não há chaveiro aqui, então é solicitado uma vez por sessão e nunca gravado em disco):</translation>
    </message>
</context>
<context>
    <name>SecretStore</name>
    <message>
        <source>turned off by AUTOMAGIK_WORKBENCH_KEYRING=off</source>
        <translation>desativado por AUTOMAGIK_WORKBENCH_KEYRING=off</translation>
    </message>
</context>
<context>
    <name>SendCommand</name>
    <message>
        <source>--signal: &quot;%1&quot; is not event, error, metric or log</source>
        <translation>--signal: &quot;%1&quot; não é event, error, metric nem log</translation>
    </message>
    <message>
        <source>send: --name is required (the event name, error type, metric name or log message)</source>
        <translation>send: --name é obrigatório (o nome do evento, o tipo de erro, o nome da métrica ou a mensagem do log)</translation>
    </message>
    <message>
        <source>--value: &quot;%1&quot; is not a number</source>
        <translation>--value: &quot;%1&quot; não é um número</translation>
    </message>
    <message>
        <source>--metric-kind: &quot;%1&quot; is not gauge, counter or histogram</source>
        <translation>--metric-kind: &quot;%1&quot; não é gauge, counter nem histogram</translation>
    </message>
    <message>
        <source>--severity: &quot;%1&quot; is not one of %2</source>
        <translation>--severity: &quot;%1&quot; não é um destes: %2</translation>
    </message>
    <message>
        <source>--attr: &quot;%1&quot; is not key=value</source>
        <translation>--attr: &quot;%1&quot; não está no formato chave=valor</translation>
    </message>
    <message>
        <source>--count: &quot;%1&quot; is not a positive number</source>
        <translation>--count: &quot;%1&quot; não é um número positivo</translation>
    </message>
    <message>
        <source>--rate: &quot;%1&quot; is not a number of records per second of at least %2</source>
        <translation>--rate: &quot;%1&quot; não é um número de registros por segundo de pelo menos %2</translation>
    </message>
    <message>
        <source>Sends records built as the Automagik SDKs build them (track_event, track_error, track_metric, track_log: the same resource, scope and system.* attributes) through a backend: --count of them, as fast as the backend takes them or at --rate per second. Exit codes: 0 every record delivered; 3 some refused or left in the spool; 1 error; 2 wrong command line.</source>
        <translation>Envia registros construídos como os SDKs do Automagik os constroem (track_event, track_error, track_metric, track_log: o mesmo recurso, escopo e atributos system.*) por um backend: --count registros, tão rápido quanto o backend os aceitar ou a --rate por segundo. Códigos de saída: 0 todos os registros entregues; 3 alguns recusados ou deixados no spool; 1 erro; 2 linha de comando incorreta.</translation>
    </message>
    <message>
        <source>event (default), error, metric or log.</source>
        <translation>event (padrão), error, metric ou log.</translation>
    </message>
    <message>
        <source>The event name, error type, metric name or log message.</source>
        <translation>O nome do evento, o tipo de erro, o nome da métrica ou a mensagem do log.</translation>
    </message>
    <message>
        <source>NAME</source>
        <translation>NOME</translation>
    </message>
    <message>
        <source>The error message (--signal error).</source>
        <translation>A mensagem de erro (--signal error).</translation>
    </message>
    <message>
        <source>text</source>
        <translation>texto</translation>
    </message>
    <message>
        <source>The metric&apos;s value (default 1).</source>
        <translation>O valor da métrica (padrão 1).</translation>
    </message>
    <message>
        <source>gauge (default), counter or histogram.</source>
        <translation>gauge (padrão), counter ou histogram.</translation>
    </message>
    <message>
        <source>kind</source>
        <translation>tipo</translation>
    </message>
    <message>
        <source>The log&apos;s severity: trace, debug, info (default), warn, error or fatal.</source>
        <translation>A severidade do log: trace, debug, info (padrão), warn, error ou fatal.</translation>
    </message>
    <message>
        <source>level</source>
        <translation>nível</translation>
    </message>
    <message>
        <source>An attribute key=value (numbers and true/false keep their type). Repeatable.</source>
        <translation>Um atributo chave=valor (números e true/false mantêm o tipo). Repetível.</translation>
    </message>
    <message>
        <source>key=value</source>
        <translation>chave=valor</translation>
    </message>
    <message>
        <source>The project.name of the resource (default workbench-send).</source>
        <translation>O project.name do recurso (padrão workbench-send).</translation>
    </message>
    <message>
        <source>name</source>
        <translation>nome</translation>
    </message>
    <message>
        <source>How many records (default 1).</source>
        <translation>Quantos registros (padrão 1).</translation>
    </message>
    <message>
        <source>Records per second (default: as fast as the backend takes them).</source>
        <translation>Registros por segundo (padrão: tão rápido quanto o backend os aceitar).</translation>
    </message>
    <message>
        <source>Print the summary as one JSON object.</source>
        <translation>Exibe o resumo como um objeto JSON.</translation>
    </message>
    <message>
        <source>send: unexpected argument &apos;%1&apos; (see --help)</source>
        <translation>send: argumento inesperado &apos;%1&apos; (veja --help)</translation>
    </message>
    <message>
        <source>Sent %1 %2 &quot;%3&quot; to %4 in %5 ms: %6 delivered, %7 failed, %8 in the spool%9</source>
        <translation>Enviados: %1 %2 &quot;%3&quot; para %4 em %5 ms: %6 entregues, %7 com falha, %8 no spool%9</translation>
    </message>
</context>
<context>
    <name>SendComposer</name>
    <message>
        <source>Name</source>
        <translation>Nome</translation>
    </message>
    <message>
        <source>Error message</source>
        <translation>Mensagem de erro</translation>
    </message>
    <message>
        <source>Attributes</source>
        <translation>Atributos</translation>
    </message>
    <message>
        <source>Project</source>
        <translation>Projeto</translation>
    </message>
    <message>
        <source>Version</source>
        <translation>Versão</translation>
    </message>
    <message>
        <source>Environment</source>
        <translation>Ambiente</translation>
    </message>
    <message>
        <source>Resource attributes</source>
        <translation>Atributos de recurso</translation>
    </message>
    <message>
        <source>Signal</source>
        <translation>Sinal</translation>
    </message>
    <message>
        <source>Event (track_event)</source>
        <translation>Evento (track_event)</translation>
    </message>
    <message>
        <source>Error (track_error)</source>
        <translation>Erro (track_error)</translation>
    </message>
    <message>
        <source>Metric (track_metric)</source>
        <translation>Métrica (track_metric)</translation>
    </message>
    <message>
        <source>Log (track_log)</source>
        <translation>Log (track_log)</translation>
    </message>
    <message>
        <source>Metric type</source>
        <translation>Tipo de métrica</translation>
    </message>
    <message>
        <source>Gauge</source>
        <translation>Medidor</translation>
    </message>
    <message>
        <source>Counter</source>
        <translation>Contador</translation>
    </message>
    <message>
        <source>Histogram</source>
        <translation>Histograma</translation>
    </message>
    <message>
        <source>Severity</source>
        <translation>Severidade</translation>
    </message>
    <message>
        <source>Trace</source>
        <translation>Trace</translation>
    </message>
    <message>
        <source>Debug</source>
        <translation>Depuração</translation>
    </message>
    <message>
        <source>Info</source>
        <translation>Informação</translation>
    </message>
    <message>
        <source>Warn</source>
        <translation>Aviso</translation>
    </message>
    <message>
        <source>Error</source>
        <translation>Erro</translation>
    </message>
    <message>
        <source>Fatal</source>
        <translation>Fatal</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>Valor</translation>
    </message>
    <message>
        <source>Required</source>
        <translation>Obrigatório</translation>
    </message>
    <message>
        <source>Not sent (stored as production)</source>
        <translation>Não enviado (armazenado como production)</translation>
    </message>
    <message>
        <source>Record</source>
        <translation>Registro</translation>
    </message>
    <message>
        <source>&amp;Signal:</source>
        <translation>&amp;Sinal:</translation>
    </message>
    <message>
        <source>Metric &amp;type:</source>
        <translation>&amp;Tipo de métrica:</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>&amp;Nome:</translation>
    </message>
    <message>
        <source>&amp;Message:</source>
        <translation>&amp;Mensagem:</translation>
    </message>
    <message>
        <source>Va&amp;lue:</source>
        <translation>Va&amp;lor:</translation>
    </message>
    <message>
        <source>&amp;Attributes:</source>
        <translation>Atrib&amp;utos:</translation>
    </message>
    <message>
        <source>Sender (resource)</source>
        <translation>Remetente (recurso)</translation>
    </message>
    <message>
        <source>&amp;Project:</source>
        <translation>&amp;Projeto:</translation>
    </message>
    <message>
        <source>V&amp;ersion:</source>
        <translation>Versã&amp;o:</translation>
    </message>
    <message>
        <source>More &amp;resource attributes:</source>
        <translation>Mais atributos de &amp;recurso:</translation>
    </message>
    <message>
        <source>Event &amp;name:</source>
        <translation>&amp;Nome do evento:</translation>
    </message>
    <message>
        <source>Error &amp;type:</source>
        <translation>&amp;Tipo de erro:</translation>
    </message>
    <message>
        <source>Metric &amp;name:</source>
        <translation>&amp;Nome da métrica:</translation>
    </message>
    <message>
        <source>Log &amp;message:</source>
        <translation>&amp;Mensagem do log:</translation>
    </message>
    <message>
        <source> is required</source>
        <translation> é obrigatório</translation>
    </message>
    <message>
        <source>Project is required</source>
        <translation>O projeto é obrigatório</translation>
    </message>
    <message>
        <source>Severit&amp;y:</source>
        <translation>Se&amp;veridade:</translation>
    </message>
    <message>
        <source>Env&amp;ironment:</source>
        <translation>Am&amp;biente:</translation>
    </message>
</context>
<context>
    <name>SendHistoryModel</name>
    <message>
        <source>Not sent: %1</source>
        <translation>Não enviado: %1</translation>
    </message>
    <message>
        <source>Cancelled after %1 of %2</source>
        <translation>Cancelado após %1 de %2</translation>
    </message>
    <message>
        <source>Delivered</source>
        <translation>Entregue</translation>
    </message>
    <message numerus="yes">
        <source>%n failed</source>
        <translation>
            <numerusform>%n falhou</numerusform>
            <numerusform>%n falharam</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n in the spool, sent when the endpoint answers</source>
        <translation>
            <numerusform>%n no spool, enviado quando o endpoint responder</numerusform>
            <numerusform>%n no spool, enviados quando o endpoint responder</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 of %2 delivered</source>
        <translation>%1 de %2 entregues</translation>
    </message>
    <message>
        <source>%1 ms</source>
        <translation>%1 ms</translation>
    </message>
    <message>
        <source>%1 → %2</source>
        <translation>%1 → %2</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Hora</translation>
    </message>
    <message>
        <source>Signal</source>
        <translation>Sinal</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Nome</translation>
    </message>
    <message>
        <source>Backend</source>
        <translation>Backend</translation>
    </message>
    <message>
        <source>Sent</source>
        <translation>Enviados</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>Falhas</translation>
    </message>
    <message>
        <source>Spooled</source>
        <translation>No spool</translation>
    </message>
    <message>
        <source>Latency</source>
        <translation>Latência</translation>
    </message>
    <message>
        <source>Bytes (raw → sent)</source>
        <translation>Bytes (brutos → enviados)</translation>
    </message>
    <message>
        <source>Retries</source>
        <translation>Tentativas</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
</context>
<context>
    <name>SendPage</name>
    <message>
        <source>Template</source>
        <translation>Modelo</translation>
    </message>
    <message>
        <source>Save as template…</source>
        <translation>Salvar como modelo…</translation>
    </message>
    <message>
        <source>Delete template</source>
        <translation>Excluir modelo</translation>
    </message>
    <message>
        <source>Template:</source>
        <translation>Modelo:</translation>
    </message>
    <message>
        <source>Sending: %1 of %2</source>
        <translation>Enviando: %1 de %2</translation>
    </message>
    <message>
        <source>How many</source>
        <translation>Quantidade</translation>
    </message>
    <message>
        <source>Repeat</source>
        <translation>Repetir</translation>
    </message>
    <message>
        <source>Once</source>
        <translation>Uma vez</translation>
    </message>
    <message>
        <source>N times, as fast as the backend takes them</source>
        <translation>N vezes, tão rápido quanto o backend aceitar</translation>
    </message>
    <message>
        <source>At a rate for a duration</source>
        <translation>A uma taxa, durante um período</translation>
    </message>
    <message>
        <source>Count</source>
        <translation>Contagem</translation>
    </message>
    <message>
        <source>Rate</source>
        <translation>Taxa</translation>
    </message>
    <message>
        <source> records/s</source>
        <translation> registros/s</translation>
    </message>
    <message>
        <source>Duration</source>
        <translation>Duração</translation>
    </message>
    <message>
        <source> s</source>
        <translation> s</translation>
    </message>
    <message>
        <source>&amp;Send:</source>
        <translation>En&amp;viar:</translation>
    </message>
    <message>
        <source>&amp;Count:</source>
        <translation>&amp;Contagem:</translation>
    </message>
    <message>
        <source>&amp;Rate:</source>
        <translation>&amp;Taxa:</translation>
    </message>
    <message>
        <source>&amp;Duration:</source>
        <translation>&amp;Duração:</translation>
    </message>
    <message>
        <source>Send</source>
        <translation>Enviar</translation>
    </message>
    <message>
        <source>Send (Ctrl+Enter)</source>
        <translation>Enviar (Ctrl+Enter)</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Cancelar</translation>
    </message>
    <message>
        <source>Send progress</source>
        <translation>Progresso do envio</translation>
    </message>
    <message>
        <source>Sends</source>
        <translation>Envios</translation>
    </message>
    <message>
        <source>Payload</source>
        <translation>Payload</translation>
    </message>
    <message>
        <source>The payload of a send&apos;s first record, as it went on the wire.</source>
        <translation>O payload do primeiro registro de um envio, exatamente como foi transmitido.</translation>
    </message>
    <message>
        <source>Look it up in Query</source>
        <translation>Procurar em Consulta</translation>
    </message>
    <message>
        <source>Opens the Query page on the rows this send wrote</source>
        <translation>Abre a página Consulta nas linhas gravadas por este envio</translation>
    </message>
    <message>
        <source>Sending…</source>
        <translation>Enviando…</translation>
    </message>
    <message>
        <source>Sending, without: %1</source>
        <translation>Enviando, sem: %1</translation>
    </message>
    <message>
        <source>Cancelled before anything was sent</source>
        <translation>Cancelado antes de qualquer envio</translation>
    </message>
    <message>
        <source>Cancelling: what was handed over is still delivered…</source>
        <translation>Cancelando: o que já foi repassado ainda será entregue…</translation>
    </message>
    <message>
        <source>1 request in %1 ms</source>
        <translation>1 requisição em %1 ms</translation>
    </message>
    <message>
        <source>%1 requests in %2 ms</source>
        <translation>%1 requisições em %2 ms</translation>
    </message>
    <message>
        <source>(your own record)</source>
        <translation>(seu próprio registro)</translation>
    </message>
    <message>
        <source>%1 (saved)</source>
        <translation>%1 (salvo)</translation>
    </message>
    <message>
        <source>Some saved templates could not be read: %1</source>
        <translation>Alguns modelos salvos não puderam ser lidos: %1</translation>
    </message>
    <message>
        <source>Save as template</source>
        <translation>Salvar como modelo</translation>
    </message>
    <message>
        <source>Title:</source>
        <translation>Título:</translation>
    </message>
    <message>
        <source>The template was not saved: %1</source>
        <translation>O modelo não foi salvo: %1</translation>
    </message>
    <message>
        <source>Saved the template &quot;%1&quot;</source>
        <translation>Modelo &quot;%1&quot; salvo</translation>
    </message>
    <message>
        <source>Only a saved template can be deleted</source>
        <translation>Só é possível excluir um modelo salvo</translation>
    </message>
    <message>
        <source>The template was not deleted: %1</source>
        <translation>O modelo não foi excluído: %1</translation>
    </message>
    <message>
        <source>Deleted the template &quot;%1&quot;</source>
        <translation>Modelo &quot;%1&quot; excluído</translation>
    </message>
    <message>
        <source>Record and destination</source>
        <translation>Registro e destino</translation>
    </message>
</context>
<context>
    <name>ServiceHealthProbe</name>
    <message>
        <source>HTTP %1: %2</source>
        <translation>HTTP %1: %2</translation>
    </message>
    <message>
        <source>Metrics answer</source>
        <translation>Resposta de métricas</translation>
    </message>
    <message>
        <source>Metrics: HTTP %1</source>
        <translation>Métricas: HTTP %1</translation>
    </message>
    <message>
        <source>Metrics: %1</source>
        <translation>Métricas: %1</translation>
    </message>
    <message>
        <source>Spans accepted</source>
        <translation>Spans aceitos</translation>
    </message>
    <message>
        <source>Metric points accepted</source>
        <translation>Pontos de métrica aceitos</translation>
    </message>
    <message>
        <source>Log records accepted</source>
        <translation>Registros de log aceitos</translation>
    </message>
    <message>
        <source>Refused by receivers</source>
        <translation>Recusados pelos receptores</translation>
    </message>
    <message>
        <source>Sent by exporters</source>
        <translation>Enviados pelos exportadores</translation>
    </message>
    <message>
        <source>Failed to send</source>
        <translation>Falhas de envio</translation>
    </message>
    <message>
        <source>Export queue</source>
        <translation>Fila de exportação</translation>
    </message>
    <message>
        <source>Not Grafana&apos;s health answer: %1</source>
        <translation>Não é a resposta de saúde do Grafana: %1</translation>
    </message>
    <message>
        <source>database %1</source>
        <translation>banco de dados %1</translation>
    </message>
    <message>
        <source>unknown</source>
        <translation>desconhecido</translation>
    </message>
</context>
<context>
    <name>ServiceTile</name>
    <message>
        <source>Round trips of the last looks at %1</source>
        <translation>Tempos de ida e volta das últimas verificações de %1</translation>
    </message>
    <message>
        <source>Endpoint:</source>
        <translation>Endpoint:</translation>
    </message>
    <message>
        <source>Version:</source>
        <translation>Versão:</translation>
    </message>
    <message>
        <source>Uptime:</source>
        <translation>Tempo ativo:</translation>
    </message>
    <message>
        <source>Round trip:</source>
        <translation>Ida e volta:</translation>
    </message>
    <message>
        <source>Figures:</source>
        <translation>Indicadores:</translation>
    </message>
    <message>
        <source>not set</source>
        <translation>não definido</translation>
    </message>
    <message>
        <source>Not looked at: give its address in Settings, Health</source>
        <translation>Não verificado: informe o endereço em Configurações, Saúde</translation>
    </message>
    <message>
        <source>Looking…</source>
        <translation>Verificando…</translation>
    </message>
    <message>
        <source>Not reachable: %1</source>
        <translation>Inacessível: %1</translation>
    </message>
    <message>
        <source>Unhealthy: %1</source>
        <translation>Não saudável: %1</translation>
    </message>
    <message>
        <source>Healthy</source>
        <translation>Saudável</translation>
    </message>
    <message>
        <source>Healthy: %1</source>
        <translation>Saudável: %1</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
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
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>none</source>
        <translation>nenhum</translation>
    </message>
</context>
<context>
    <name>SettingField</name>
    <message>
        <source>Default</source>
        <translation>Padrão</translation>
    </message>
    <message>
        <source>Reset %1 to its default</source>
        <translation>Redefinir %1 para o padrão</translation>
    </message>
    <message>
        <source>Back to the default value</source>
        <translation>Voltar ao valor padrão</translation>
    </message>
    <message>
        <source>Where %1 comes from</source>
        <translation>De onde vem %1</translation>
    </message>
    <message>
        <source>Choose…</source>
        <translation>Escolher…</translation>
    </message>
    <message>
        <source>Choose the %1</source>
        <translation>Escolher %1</translation>
    </message>
    <message>
        <source>Spool folder</source>
        <translation>Pasta do spool</translation>
    </message>
    <message>
        <source>not set</source>
        <translation>não definido</translation>
    </message>
    <message>
        <source>automatic</source>
        <translation>automático</translation>
    </message>
    <message>
        <source>From the %1: it wins over what is saved here.</source>
        <translation>Origem: %1; prevalece sobre o que está salvo aqui.</translation>
    </message>
    <message>
        <source>From the %1: unset it to change this here.</source>
        <translation>Origem: %1; remova essa definição para alterar aqui.</translation>
    </message>
    <message>
        <source>Saved.</source>
        <translation>Salvo.</translation>
    </message>
    <message>
        <source>Saved, %1.</source>
        <translation>Salvo, %1.</translation>
    </message>
    <message>
        <source>Not set.</source>
        <translation>Não definido.</translation>
    </message>
    <message>
        <source>Default.</source>
        <translation>Padrão.</translation>
    </message>
</context>
<context>
    <name>Settings</name>
    <message>
        <source>System</source>
        <translation>Sistema</translation>
    </message>
    <message>
        <source>Light</source>
        <translation>Claro</translation>
    </message>
    <message>
        <source>Dark</source>
        <translation>Escuro</translation>
    </message>
    <message>
        <source>ClickHouse</source>
        <translation>ClickHouse</translation>
    </message>
    <message>
        <source>Empty: the managed local ClickHouse the workbench starts itself.</source>
        <translation>Vazio: o ClickHouse local gerenciado que a própria bancada inicia.</translation>
    </message>
    <message>
        <source>ClickHouse database</source>
        <translation>Banco de dados do ClickHouse</translation>
    </message>
    <message>
        <source>Where the traces, metrics and logs tables are.</source>
        <translation>Onde ficam as tabelas traces, metrics e logs.</translation>
    </message>
    <message>
        <source>OTLP endpoint</source>
        <translation>Endpoint OTLP</translation>
    </message>
    <message>
        <source>Where the Send and Replay pages send OTLP. Empty: the workbench&apos;s own receiver.</source>
        <translation>Para onde as páginas Enviar e Reproduzir enviam OTLP. Vazio: o próprio receptor da bancada.</translation>
    </message>
    <message>
        <source>ClickHouse user</source>
        <translation>Usuário do ClickHouse</translation>
    </message>
    <message>
        <source>For an external ClickHouse; the managed one has its own.</source>
        <translation>Para um ClickHouse externo; o gerenciado tem o seu próprio.</translation>
    </message>
    <message>
        <source>ClickHouse password</source>
        <translation>Senha do ClickHouse</translation>
    </message>
    <message>
        <source>Kept in the system keyring, never in a file.</source>
        <translation>Guardada no chaveiro do sistema, nunca em um arquivo.</translation>
    </message>
    <message>
        <source>OTLP headers</source>
        <translation>Cabeçalhos OTLP</translation>
    </message>
    <message>
        <source>key=value pairs, comma-separated (Authorization=Bearer%20…), sent with every OTLP request.</source>
        <translation>Pares chave=valor, separados por vírgula (Authorization=Bearer%20…), enviados em toda requisição OTLP.</translation>
    </message>
    <message>
        <source>Batch size</source>
        <translation>Tamanho do lote</translation>
    </message>
    <message>
        <source>Records per OTLP request or ClickHouse insert of the Send and Replay pages.</source>
        <translation>Registros por requisição OTLP ou inserção no ClickHouse das páginas Enviar e Reproduzir.</translation>
    </message>
    <message>
        <source>Flush interval (ms)</source>
        <translation>Intervalo de envio (ms)</translation>
    </message>
    <message>
        <source>A batch that has not filled goes out after this long (both backends).</source>
        <translation>Um lote que não se completou é enviado após esse tempo (nos dois backends).</translation>
    </message>
    <message>
        <source>Compress with gzip</source>
        <translation>Comprimir com gzip</translation>
    </message>
    <message>
        <source>OTLP request bodies.</source>
        <translation>Corpos das requisições OTLP.</translation>
    </message>
    <message>
        <source>Listen on</source>
        <translation>Escutar em</translation>
    </message>
    <message>
        <source>127.0.0.1 keeps it to this machine; any other address lets other machines send here.</source>
        <translation>127.0.0.1 restringe a esta máquina; qualquer outro endereço permite que outras máquinas enviem para cá.</translation>
    </message>
    <message>
        <source>OTLP port</source>
        <translation>Porta OTLP</translation>
    </message>
    <message>
        <source>The OTLP/HTTP receiver (4318 is the standard port; 0: any free port).</source>
        <translation>O receptor OTLP/HTTP (4318 é a porta padrão; 0: qualquer porta livre).</translation>
    </message>
    <message>
        <source>ClickHouse gateway port</source>
        <translation>Porta do gateway ClickHouse</translation>
    </message>
    <message>
        <source>Where the SDKs&apos; ClickHouse backend can insert (0: any free port).</source>
        <translation>Onde o backend ClickHouse dos SDKs pode inserir (0: qualquer porta livre).</translation>
    </message>
    <message>
        <source>Bearer token</source>
        <translation>Token Bearer</translation>
    </message>
    <message>
        <source>Empty: no token asked. When set, the Send and Replay pages send it to the receiver.</source>
        <translation>Vazio: nenhum token é exigido. Quando definido, as páginas Enviar e Reproduzir o enviam ao receptor.</translation>
    </message>
    <message>
        <source>CORS origins</source>
        <translation>Origens CORS</translation>
    </message>
    <message>
        <source>Browser origins allowed to send, comma-separated (* for any).</source>
        <translation>Origens de navegador autorizadas a enviar, separadas por vírgula (* para qualquer uma).</translation>
    </message>
    <message>
        <source>Spool folder</source>
        <translation>Pasta do spool</translation>
    </message>
    <message>
        <source>What could not be delivered yet waits here. Empty: the data folder&apos;s spool.</source>
        <translation>O que ainda não pôde ser entregue aguarda aqui. Vazio: o spool da pasta de dados.</translation>
    </message>
    <message>
        <source>Spool limit (MiB)</source>
        <translation>Limite do spool (MiB)</translation>
    </message>
    <message>
        <source>Per spool file; past it a sender is told to slow down.</source>
        <translation>Por arquivo de spool; acima dele, o remetente é avisado para desacelerar.</translation>
    </message>
    <message>
        <source>Look every (ms)</source>
        <translation>Verificar a cada (ms)</translation>
    </message>
    <message>
        <source>How often the Health page asks ClickHouse and the services below.</source>
        <translation>Com que frequência a página Saúde consulta o ClickHouse e os serviços abaixo.</translation>
    </message>
    <message>
        <source>OTel collector health check</source>
        <translation>Verificação de saúde do coletor OTel</translation>
    </message>
    <message>
        <source>The collector&apos;s health_check extension, e.g. http://127.0.0.1:13133/. Empty: not looked at.</source>
        <translation>A extensão health_check do coletor, p. ex. http://127.0.0.1:13133/. Vazio: não é verificado.</translation>
    </message>
    <message>
        <source>OTel collector metrics</source>
        <translation>Métricas do coletor OTel</translation>
    </message>
    <message>
        <source>The collector&apos;s own metrics, e.g. http://127.0.0.1:8888/metrics. Empty: not looked at.</source>
        <translation>As métricas do próprio coletor, p. ex. http://127.0.0.1:8888/metrics. Vazio: não são verificadas.</translation>
    </message>
    <message>
        <source>Grafana</source>
        <translation>Grafana</translation>
    </message>
    <message>
        <source>Grafana&apos;s address, e.g. http://127.0.0.1:3000 (its /api/health). Empty: not looked at.</source>
        <translation>Endereço do Grafana, p. ex. http://127.0.0.1:3000 (seu /api/health). Vazio: não é verificado.</translation>
    </message>
    <message>
        <source>Theme</source>
        <translation>Tema</translation>
    </message>
    <message>
        <source>System follows the desktop.</source>
        <translation>Sistema segue a área de trabalho.</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>Idioma</translation>
    </message>
    <message>
        <source>System follows the desktop&apos;s locale. Applies at the next start.</source>
        <translation>Sistema segue o idioma da área de trabalho. Vale a partir da próxima inicialização.</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <source>Endpoints</source>
        <translation>Endpoints</translation>
    </message>
    <message>
        <source>Credentials</source>
        <translation>Credenciais</translation>
    </message>
    <message>
        <source>Backends</source>
        <translation>Backends</translation>
    </message>
    <message>
        <source>Receiver and gateway</source>
        <translation>Receptor e gateway</translation>
    </message>
    <message>
        <source>Spool</source>
        <translation>Spool</translation>
    </message>
    <message>
        <source>Health</source>
        <translation>Saúde</translation>
    </message>
    <message>
        <source>Appearance</source>
        <translation>Aparência</translation>
    </message>
    <message>
        <source>The ClickHouse applies at the next start; the OTLP endpoint at the next send.</source>
        <translation>O ClickHouse passa a valer na próxima inicialização; o endpoint OTLP, no próximo envio.</translation>
    </message>
    <message>
        <source>Saving these restarts the receiver and the gateway with them.</source>
        <translation>Salvar estas configurações reinicia o receptor e o gateway com elas.</translation>
    </message>
    <message>
        <source>The folder applies at the next start. Saving the limit restarts the receiver with it; the Send and Replay pages use it from their next send.</source>
        <translation>A pasta passa a valer na próxima inicialização. Salvar o limite reinicia o receptor com ele; as páginas Enviar e Reproduzir passam a usá-lo no próximo envio.</translation>
    </message>
    <message>
        <source>Applies when saved.</source>
        <translation>Aplica-se ao salvar.</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>Configurações</translation>
    </message>
    <message>
        <source>Settings pages</source>
        <translation>Páginas de configurações</translation>
    </message>
    <message>
        <source>Where passwords are kept</source>
        <translation>Onde as senhas são guardadas</translation>
    </message>
    <message>
        <source>Problems</source>
        <translation>Problemas</translation>
    </message>
    <message>
        <source>Saved in %1</source>
        <translation>Salvo em %1</translation>
    </message>
    <message>
        <source>Settings file</source>
        <translation>Arquivo de configurações</translation>
    </message>
    <message>
        <source>Passwords and tokens are kept in the system keyring.</source>
        <translation>Senhas e tokens são guardados no chaveiro do sistema.</translation>
    </message>
    <message>
        <source>no keyring was given</source>
        <translation>nenhum chaveiro foi fornecido</translation>
    </message>
    <message>
        <source>No system keyring (%1): passwords and tokens are kept in memory for this session only, never in a file, and asked once in the next session.</source>
        <translation>Sem chaveiro do sistema (%1): senhas e tokens ficam na memória apenas nesta sessão, nunca em arquivo, e são pedidos uma vez na próxima sessão.</translation>
    </message>
</context>
<context>
    <name>ShortcutsDialog</name>
    <message>
        <source>Keyboard shortcuts</source>
        <translation>Atalhos de teclado</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>Ação</translation>
    </message>
    <message>
        <source>Shortcut</source>
        <translation>Atalho</translation>
    </message>
    <message>
        <source>%1 page</source>
        <translation>Página %1</translation>
    </message>
</context>
<context>
    <name>SpanDetailsView</name>
    <message>
        <source>Span details</source>
        <translation>Detalhes do span</translation>
    </message>
    <message>
        <source>Field</source>
        <translation>Campo</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>Valor</translation>
    </message>
    <message>
        <source>Span</source>
        <translation>Span</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Nome</translation>
    </message>
    <message>
        <source>Service</source>
        <translation>Serviço</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Tipo</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Status message</source>
        <translation>Mensagem de status</translation>
    </message>
    <message>
        <source>Start</source>
        <translation>Início</translation>
    </message>
    <message>
        <source>Offset in trace</source>
        <translation>Deslocamento no trace</translation>
    </message>
    <message>
        <source>Duration</source>
        <translation>Duração</translation>
    </message>
    <message>
        <source>Span id</source>
        <translation>ID do span</translation>
    </message>
    <message>
        <source>Parent span id</source>
        <translation>ID do span pai</translation>
    </message>
    <message>
        <source>(none: a root span)</source>
        <translation>(nenhum: um span raiz)</translation>
    </message>
    <message>
        <source>%1 (not in the trace)</source>
        <translation>%1 (fora do trace)</translation>
    </message>
    <message>
        <source>Children</source>
        <translation>Filhos</translation>
    </message>
    <message>
        <source>Critical path</source>
        <translation>Caminho crítico</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>sim</translation>
    </message>
    <message>
        <source>no</source>
        <translation>não</translation>
    </message>
    <message>
        <source>Attributes</source>
        <translation>Atributos</translation>
    </message>
    <message>
        <source>Resource</source>
        <translation>Recurso</translation>
    </message>
    <message>
        <source>Scope</source>
        <translation>Escopo</translation>
    </message>
    <message>
        <source>Version</source>
        <translation>Versão</translation>
    </message>
    <message>
        <source>Events and links</source>
        <translation>Eventos e links</translation>
    </message>
    <message>
        <source>Event</source>
        <translation>Evento</translation>
    </message>
    <message>
        <source>Link</source>
        <translation>Link</translation>
    </message>
    <message>
        <source>None stored</source>
        <translation>Nenhum armazenado</translation>
    </message>
    <message>
        <source>the upstream traces table keeps no span events or links</source>
        <translation>a tabela traces do upstream não guarda eventos nem links de spans</translation>
    </message>
</context>
<context>
    <name>SqlEditor</name>
    <message>
        <source>SQL editor</source>
        <translation>Editor SQL</translation>
    </message>
</context>
<context>
    <name>StackCommand</name>
    <message>
        <source>ClickHouse %1 is running (pid %2), managed by automagik-workbench (pid %3)</source>
        <translation>ClickHouse %1 em execução (pid %2), gerenciado pelo automagik-workbench (pid %3)</translation>
    </message>
    <message>
        <source>  HTTP:     %1</source>
        <translation>  HTTP:     %1</translation>
    </message>
    <message>
        <source>  native:   127.0.0.1:%1</source>
        <translation>  nativo:   127.0.0.1:%1</translation>
    </message>
    <message>
        <source>  user:     %1</source>
        <translation>  usuário:  %1</translation>
    </message>
    <message>
        <source>  password: %1 (generated for this run)</source>
        <translation>  senha:    %1 (gerada para esta execução)</translation>
    </message>
    <message>
        <source>  password: the one you gave</source>
        <translation>  senha:    a que você informou</translation>
    </message>
    <message>
        <source>  data:     %1</source>
        <translation>  dados:    %1</translation>
    </message>
    <message>
        <source>  schema:   %1 (%2 dialect)</source>
        <translation>  esquema:  %1 (dialeto %2)</translation>
    </message>
    <message>
        <source>  OTLP:     %1 (/v1/traces, /v1/metrics, /v1/logs)</source>
        <translation>  OTLP:     %1 (/v1/traces, /v1/metrics, /v1/logs)</translation>
    </message>
    <message>
        <source>  gateway:  %1 (for the SDKs&apos; clickhouse backend)</source>
        <translation>  gateway:  %1 (para o backend clickhouse dos SDKs)</translation>
    </message>
    <message>
        <source>Press Ctrl-C or run &apos;automagik-workbench stack stop&apos; to stop it.</source>
        <translation>Pressione Ctrl-C ou execute &apos;automagik-workbench stack stop&apos; para pará-lo.</translation>
    </message>
    <message>
        <source>--http-port: &quot;%1&quot; is not a port number (1-65535)</source>
        <translation>--http-port: &quot;%1&quot; não é um número de porta (1-65535)</translation>
    </message>
    <message>
        <source>error: %1</source>
        <translation>erro: %1</translation>
    </message>
    <message>
        <source>ClickHouse stopped.</source>
        <translation>ClickHouse parado.</translation>
    </message>
    <message>
        <source>no managed ClickHouse runs from %1 (no %2 there)</source>
        <translation>nenhum ClickHouse gerenciado em execução a partir de %1 (não há %2 lá)</translation>
    </message>
    <message>
        <source>the workbench that ran ClickHouse from %1 is gone; removing its stale pid file</source>
        <translation>a bancada que executava o ClickHouse a partir de %1 não existe mais; removendo o arquivo de pid obsoleto</translation>
    </message>
    <message>
        <source>process %1 did not stop within 20 s</source>
        <translation>o processo %1 não parou em 20 s</translation>
    </message>
    <message>
        <source>Run the local stack: &apos;stack start&apos; runs the managed ClickHouse with the telemetry schema, the OTLP/HTTP receiver (port 4318 when free) and the ClickHouse ingest gateway (8124 when free) in front of it, in the foreground until Ctrl-C; &apos;stack stop&apos; stops one started that way.</source>
        <translation>Executa a pilha local: &apos;stack start&apos; executa o ClickHouse gerenciado com o esquema de telemetria, o receptor OTLP/HTTP (porta 4318 quando livre) e o gateway de ingestão do ClickHouse (8124 quando livre) à frente dele, em primeiro plano até Ctrl-C; &apos;stack stop&apos; para uma pilha iniciada dessa forma.</translation>
    </message>
    <message>
        <source>action</source>
        <translation>ação</translation>
    </message>
    <message>
        <source>start or stop</source>
        <translation>start ou stop</translation>
    </message>
    <message>
        <source>HTTP port to use when it is free (default: any free port).</source>
        <translation>Porta HTTP a usar quando estiver livre (padrão: qualquer porta livre).</translation>
    </message>
    <message>
        <source>port</source>
        <translation>porta</translation>
    </message>
    <message>
        <source>Print the connection details as one JSON line.</source>
        <translation>Exibe os detalhes de conexão como uma linha JSON.</translation>
    </message>
    <message>
        <source>stack: say &apos;start&apos; or &apos;stop&apos; (see --help)</source>
        <translation>stack: diga &apos;start&apos; ou &apos;stop&apos; (veja --help)</translation>
    </message>
</context>
<context>
    <name>StackStateAnnouncer</name>
    <message>
        <source>The collector receives again at %1</source>
        <translation>O coletor voltou a receber em %1</translation>
    </message>
    <message>
        <source>The collector could not start: %1</source>
        <translation>Não foi possível iniciar o coletor: %1</translation>
    </message>
    <message>
        <source>The collector stopped</source>
        <translation>O coletor parou</translation>
    </message>
</context>
<context>
    <name>StatPanel</name>
    <message>
        <source>No data</source>
        <translation>Sem dados</translation>
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
            <numerusform>%n dia</numerusform>
            <numerusform>%n dias</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 in the future</source>
        <translation>daqui a %1</translation>
    </message>
    <message>
        <source>%1 ago</source>
        <translation>há %1</translation>
    </message>
    <message>
        <source>Active parts in the partition that has the most. By default ClickHouse 18.16 slows inserts down at 150 and refuses them at 300 (parts_to_delay_insert, parts_to_throw_insert; newer servers allow more).</source>
        <translation>Partes ativas na partição que tem mais partes. Por padrão, o ClickHouse 18.16 desacelera as inserções a partir de 150 e as recusa a partir de 300 (parts_to_delay_insert, parts_to_throw_insert; servidores mais novos permitem mais).</translation>
    </message>
    <message>
        <source>Table</source>
        <translation>Tabela</translation>
    </message>
    <message>
        <source>Rows</source>
        <translation>Linhas</translation>
    </message>
    <message>
        <source>On disk</source>
        <translation>Em disco</translation>
    </message>
    <message>
        <source>Most parts</source>
        <translation>Máx. de partes</translation>
    </message>
    <message>
        <source>Newest row</source>
        <translation>Linha mais recente</translation>
    </message>
</context>
<context>
    <name>TablePanel</name>
    <message>
        <source>Table</source>
        <translation>Tabela</translation>
    </message>
</context>
<context>
    <name>TelemetryDataTile</name>
    <message>
        <source>Telemetry data</source>
        <translation>Dados de telemetria</translation>
    </message>
    <message>
        <source>Load sample telemetry</source>
        <translation>Carregar telemetria de exemplo</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Cancelar</translation>
    </message>
    <message>
        <source>The telemetry tables are empty. Load %1 hours of realistic sample telemetry (five services: events, errors, metrics and logs) to see the Query page and the dashboards with data.</source>
        <translation>As tabelas de telemetria estão vazias. Carregue %1 horas de telemetria de exemplo realista (cinco serviços: eventos, erros, métricas e logs) para ver a página Consulta e os painéis com dados.</translation>
    </message>
    <message>
        <source>Sample telemetry progress</source>
        <translation>Progresso da telemetria de exemplo</translation>
    </message>
    <message>
        <source>Loading sample telemetry failed: %1</source>
        <translation>Falha ao carregar a telemetria de exemplo: %1</translation>
    </message>
    <message>
        <source>Waiting for ClickHouse to answer.</source>
        <translation>Aguardando a resposta do ClickHouse.</translation>
    </message>
    <message>
        <source>Counting the rows...</source>
        <translation>Contando as linhas...</translation>
    </message>
    <message>
        <source>Cannot read the table sizes: %1</source>
        <translation>Não foi possível ler os tamanhos das tabelas: %1</translation>
    </message>
    <message>
        <source>The database %1 holds no rows.</source>
        <translation>O banco de dados %1 não contém linhas.</translation>
    </message>
    <message numerus="yes">
        <source>Cancelled after loading %Ln row(s) in %1 s: traces %2, metrics %3, logs %4.</source>
        <translation>
            <numerusform>Cancelado após carregar %Ln linha em %1 s: traces %2, metrics %3, logs %4.</numerusform>
            <numerusform>Cancelado após carregar %Ln linhas em %1 s: traces %2, metrics %3, logs %4.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Loaded %Ln row(s) in %1 s: traces %2, metrics %3, logs %4.</source>
        <translation>
            <numerusform>Carregada %Ln linha em %1 s: traces %2, metrics %3, logs %4.</numerusform>
            <numerusform>Carregadas %Ln linhas em %1 s: traces %2, metrics %3, logs %4.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1.%2: %Ln row(s), %3 on disk</source>
        <translation>
            <numerusform>%1.%2: %Ln linha, %3 em disco</numerusform>
            <numerusform>%1.%2: %Ln linhas, %3 em disco</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>TextPanel</name>
    <message>
        <source>The panel has no type.</source>
        <translation>O quadro não tem tipo.</translation>
    </message>
    <message>
        <source>Unsupported panel type &quot;%1&quot;.</source>
        <translation>Tipo de quadro &quot;%1&quot; não suportado.</translation>
    </message>
</context>
<context>
    <name>TimeRangePicker</name>
    <message>
        <source>Last 5 minutes</source>
        <translation>Últimos 5 minutos</translation>
    </message>
    <message>
        <source>Last 15 minutes</source>
        <translation>Últimos 15 minutos</translation>
    </message>
    <message>
        <source>Last 1 hour</source>
        <translation>Última 1 hora</translation>
    </message>
    <message>
        <source>Last 6 hours</source>
        <translation>Últimas 6 horas</translation>
    </message>
    <message>
        <source>Last 24 hours</source>
        <translation>Últimas 24 horas</translation>
    </message>
    <message>
        <source>Last 7 days</source>
        <translation>Últimos 7 dias</translation>
    </message>
    <message>
        <source>Last 30 days</source>
        <translation>Últimos 30 dias</translation>
    </message>
    <message>
        <source>Absolute range</source>
        <translation>Intervalo absoluto</translation>
    </message>
    <message>
        <source>Time range</source>
        <translation>Intervalo de tempo</translation>
    </message>
    <message>
        <source>The time range for $__timeFilter, $__fromTime, $__toTime and $__interval</source>
        <translation>O intervalo de tempo para $__timeFilter, $__fromTime, $__toTime e $__interval</translation>
    </message>
    <message>
        <source>From</source>
        <translation>De</translation>
    </message>
    <message>
        <source>To</source>
        <translation>Até</translation>
    </message>
    <message>
        <source>Last %1 minutes</source>
        <translation>Últimos %1 minutos</translation>
    </message>
</context>
<context>
    <name>TimeSeriesPanel</name>
    <message>
        <source>No data</source>
        <translation>Sem dados</translation>
    </message>
</context>
<context>
    <name>TraceLoader</name>
    <message>
        <source>No ClickHouse server is connected yet.</source>
        <translation>Nenhum servidor ClickHouse conectado ainda.</translation>
    </message>
</context>
<context>
    <name>TraceLogModel</name>
    <message>
        <source>(the trace)</source>
        <translation>(o trace)</translation>
    </message>
    <message>
        <source>(span %1, not in the trace)</source>
        <translation>(span %1, fora do trace)</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Hora</translation>
    </message>
    <message>
        <source>Severity</source>
        <translation>Severidade</translation>
    </message>
    <message>
        <source>Service</source>
        <translation>Serviço</translation>
    </message>
    <message>
        <source>Span</source>
        <translation>Span</translation>
    </message>
    <message>
        <source>Body</source>
        <translation>Corpo</translation>
    </message>
</context>
<context>
    <name>TraceMinimap</name>
    <message>
        <source>Trace overview</source>
        <translation>Visão geral do trace</translation>
    </message>
    <message>
        <source>The whole trace: click or drag to move the waterfall there.</source>
        <translation>O trace inteiro: clique ou arraste para mover a cascata até ali.</translation>
    </message>
</context>
<context>
    <name>TraceSearchForm</name>
    <message>
        <source>any</source>
        <translation>qualquer</translation>
    </message>
    <message>
        <source>Minimum duration</source>
        <translation>Duração mínima</translation>
    </message>
    <message>
        <source>Maximum duration</source>
        <translation>Duração máxima</translation>
    </message>
    <message>
        <source>&amp;Search</source>
        <translation>&amp;Pesquisar</translation>
    </message>
    <message>
        <source>Open as SQL</source>
        <translation>Abrir como SQL</translation>
    </message>
    <message>
        <source>Service</source>
        <translation>Serviço</translation>
    </message>
    <message>
        <source>Traces with a span of this service; empty: any service</source>
        <translation>Traces com um span deste serviço; vazio: qualquer serviço</translation>
    </message>
    <message>
        <source>Operation</source>
        <translation>Operação</translation>
    </message>
    <message>
        <source>any span name</source>
        <translation>qualquer nome de span</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Any status</source>
        <translation>Qualquer status</translation>
    </message>
    <message>
        <source>With errors</source>
        <translation>Com erros</translation>
    </message>
    <message>
        <source>Without errors</source>
        <translation>Sem erros</translation>
    </message>
    <message>
        <source>Attribute</source>
        <translation>Atributo</translation>
    </message>
    <message>
        <source>key=value</source>
        <translation>chave=valor</translation>
    </message>
    <message>
        <source>Traces with a span that has this attribute value (or, without =, this attribute)</source>
        <translation>Traces com um span que tem este valor de atributo (ou, sem =, este atributo)</translation>
    </message>
    <message>
        <source>Trace id</source>
        <translation>ID do trace</translation>
    </message>
    <message>
        <source>trace id</source>
        <translation>ID do trace</translation>
    </message>
    <message>
        <source>Open the search&apos;s SQL in a Query tab</source>
        <translation>Abrir o SQL da pesquisa em uma aba de Consulta</translation>
    </message>
    <message>
        <source>O&amp;peration</source>
        <translation>&amp;Operação</translation>
    </message>
    <message>
        <source>Duration from</source>
        <translation>Duração de</translation>
    </message>
    <message>
        <source>to</source>
        <translation>até</translation>
    </message>
    <message>
        <source>A&amp;ttribute</source>
        <translation>A&amp;tributo</translation>
    </message>
    <message>
        <source>Trace &amp;id</source>
        <translation>&amp;ID do trace</translation>
    </message>
    <message>
        <source>S&amp;ervice</source>
        <translation>&amp;Serviço</translation>
    </message>
</context>
<context>
    <name>TraceSearchModel</name>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>Start</source>
        <translation>Início</translation>
    </message>
    <message>
        <source>Root span</source>
        <translation>Span raiz</translation>
    </message>
    <message>
        <source>Services</source>
        <translation>Serviços</translation>
    </message>
    <message>
        <source>Spans</source>
        <translation>Spans</translation>
    </message>
    <message>
        <source>Errors</source>
        <translation>Erros</translation>
    </message>
    <message>
        <source>Duration</source>
        <translation>Duração</translation>
    </message>
    <message>
        <source>Trace id</source>
        <translation>ID do trace</translation>
    </message>
</context>
<context>
    <name>TraceView</name>
    <message>
        <source>Previous</source>
        <translation>Anterior</translation>
    </message>
    <message>
        <source>Next</source>
        <translation>Próximo</translation>
    </message>
    <message>
        <source>Next error</source>
        <translation>Próximo erro</translation>
    </message>
    <message>
        <source>Collapse</source>
        <translation>Recolher</translation>
    </message>
    <message>
        <source>Expand all</source>
        <translation>Expandir tudo</translation>
    </message>
    <message>
        <source>Export…</source>
        <translation>Exportar…</translation>
    </message>
    <message>
        <source>Only the selected span&apos;s logs</source>
        <translation>Somente os logs do span selecionado</translation>
    </message>
    <message>
        <source>%1 found</source>
        <translation>%1 encontrado(s)</translation>
    </message>
    <message>
        <source>Find in trace</source>
        <translation>Localizar no trace</translation>
    </message>
    <message>
        <source>Find in trace: name, service, attribute or key=value</source>
        <translation>Localizar no trace: nome, serviço, atributo ou chave=valor</translation>
    </message>
    <message>
        <source>Select the next span with an error status</source>
        <translation>Seleciona o próximo span com status de erro</translation>
    </message>
    <message>
        <source>Show only the root spans and their children</source>
        <translation>Mostra apenas os spans raiz e seus filhos</translation>
    </message>
    <message>
        <source>Save the trace and its logs as an OTLP JSON Lines capture the Replay page opens</source>
        <translation>Salva o trace e seus logs como uma captura OTLP JSON Lines, que a página Reproduzir abre</translation>
    </message>
    <message>
        <source>Logs of the trace</source>
        <translation>Logs do trace</translation>
    </message>
    <message>
        <source>Span</source>
        <translation>Span</translation>
    </message>
    <message>
        <source>Logs</source>
        <translation>Logs</translation>
    </message>
    <message>
        <source>No trace open</source>
        <translation>Nenhum trace aberto</translation>
    </message>
    <message>
        <source>Trace %1 has no spans</source>
        <translation>O trace %1 não tem spans</translation>
    </message>
    <message>
        <source>Trace id %1</source>
        <translation>ID do trace %1</translation>
    </message>
    <message>
        <source>Logs (%1)</source>
        <translation>Logs (%1)</translation>
    </message>
    <message>
        <source>Previous match</source>
        <translation>Ocorrência anterior</translation>
    </message>
    <message>
        <source>Next match</source>
        <translation>Próxima ocorrência</translation>
    </message>
    <message>
        <source>Span and logs</source>
        <translation>Span e logs</translation>
    </message>
    <message>
        <source>&lt;b&gt;%1&lt;/b&gt; · %2 · %3 · %4 · %5</source>
        <extracomment>The root span&apos;s name · its spans · its services · its duration · its logs</extracomment>
        <translation>&lt;b&gt;%1&lt;/b&gt; · %2 · %3 · %4 · %5</translation>
    </message>
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
            <numerusform>%Ln serviço</numerusform>
            <numerusform>%Ln serviços</numerusform>
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
    <message>
        <source>Trace waterfall</source>
        <translation>Cascata do trace</translation>
    </message>
    <message>
        <source>Open a trace from the results to see its spans.</source>
        <translation>Abra um trace dos resultados para ver seus spans.</translation>
    </message>
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
    <message>
        <source>Traces found</source>
        <translation>Traces encontrados</translation>
    </message>
    <message>
        <source>Waiting for ClickHouse.</source>
        <translation>Aguardando o ClickHouse.</translation>
    </message>
    <message>
        <source>Search the traces of %1.</source>
        <translation>Pesquise os traces de %1.</translation>
    </message>
    <message>
        <source>Searching…</source>
        <translation>Pesquisando…</translation>
    </message>
    <message>
        <source>The search failed: %1</source>
        <translation>A pesquisa falhou: %1</translation>
    </message>
    <message>
        <source>The newest %1 traces that match, in %2 ms; narrow the search to see older ones.</source>
        <translation>Os %1 traces mais recentes que correspondem, em %2 ms; restrinja a pesquisa para ver os mais antigos.</translation>
    </message>
    <message>
        <source>Opening trace %1…</source>
        <translation>Abrindo o trace %1…</translation>
    </message>
    <message>
        <source>Trace %1 could not be opened: %2</source>
        <translation>Não foi possível abrir o trace %1: %2</translation>
    </message>
    <message>
        <source>Only its first %1 spans are shown.</source>
        <translation>Apenas os primeiros %1 spans são mostrados.</translation>
    </message>
    <message>
        <source>Only its first %1 logs are listed.</source>
        <translation>Apenas os primeiros %1 logs são listados.</translation>
    </message>
    <message>
        <source>No trace is open.</source>
        <translation>Nenhum trace aberto.</translation>
    </message>
    <message>
        <source>Export trace</source>
        <translation>Exportar trace</translation>
    </message>
    <message>
        <source>OTLP JSON Lines (*.jsonl);;Gzipped OTLP JSON Lines (*.jsonl.gz)</source>
        <translation>OTLP JSON Lines (*.jsonl);;OTLP JSON Lines com gzip (*.jsonl.gz)</translation>
    </message>
    <message>
        <source>Writing the trace to %1…</source>
        <translation>Gravando o trace em %1…</translation>
    </message>
    <message>
        <source>The trace could not be written: %1</source>
        <translation>Não foi possível gravar o trace: %1</translation>
    </message>
    <message>
        <source>Trace written to %1.</source>
        <translation>Trace gravado em %1.</translation>
    </message>
    <message>
        <source>%1 is still being written; wait for it to finish.</source>
        <translation>%1 ainda está sendo gravado; espere terminar.</translation>
    </message>
    <message numerus="yes">
        <source>%Ln trace(s) found in %1 ms.</source>
        <translation>
            <numerusform>%Ln trace encontrado em %1 ms.</numerusform>
            <numerusform>%Ln traces encontrados em %1 ms.</numerusform>
        </translation>
    </message>
    <message>
        <source>Trace %1: %2 and %3 read in %4 ms.</source>
        <translation>Trace %1: %2 e %3 lidos em %4 ms.</translation>
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
            <numerusform>%Ln linha não pôde ser lida (%1).</numerusform>
            <numerusform>%Ln linhas não puderam ser lidas (%1).</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>VariableBar</name>
    <message>
        <source>All</source>
        <translation>Todos</translation>
    </message>
</context>
<context>
    <name>VerificationView</name>
    <message>
        <source>Delivery verification</source>
        <translation>Verificação de entrega</translation>
    </message>
    <message>
        <source>Table</source>
        <translation>Tabela</translation>
    </message>
    <message>
        <source>Expected</source>
        <translation>Esperado</translation>
    </message>
    <message>
        <source>Found</source>
        <translation>Encontrado</translation>
    </message>
    <message>
        <source>Missing</source>
        <translation>Faltando</translation>
    </message>
    <message>
        <source>Duplicated</source>
        <translation>Duplicado</translation>
    </message>
    <message>
        <source>The verification could not ask ClickHouse: %1</source>
        <translation>A verificação não conseguiu consultar o ClickHouse: %1</translation>
    </message>
    <message>
        <source>%1: %2 missing, seq %3%4</source>
        <translation>%1: %2 faltando, seq %3%4</translation>
    </message>
    <message>
        <source>%1: %2 stored more than once, seq %3%4</source>
        <translation>%1: %2 gravados mais de uma vez, seq %3%4</translation>
    </message>
    <message>
        <source>Every record arrived exactly once.</source>
        <translation>Todos os registros chegaram exatamente uma vez.</translation>
    </message>
</context>
<context>
    <name>WorkbenchSettings</name>
    <message>
        <source>in the keyring</source>
        <translation>no chaveiro</translation>
    </message>
    <message>
        <source>for this session only</source>
        <translation>só nesta sessão</translation>
    </message>
    <message>
        <source>command line (%1)</source>
        <translation>linha de comando (%1)</translation>
    </message>
    <message>
        <source>environment (%1)</source>
        <translation>ambiente (%1)</translation>
    </message>
    <message>
        <source>saved</source>
        <translation>salvo</translation>
    </message>
    <message>
        <source>saved, %1</source>
        <translation>salvo, %1</translation>
    </message>
    <message>
        <source>default</source>
        <translation>padrão</translation>
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
    <message>
        <source>With --smoke-screenshot: go on as a newcomer does (load sample telemetry, run the Query page&apos;s first statement) and exit 0 only when it returns rows.</source>
        <translation>Com --smoke-screenshot: continua como faria um novo usuário (carrega telemetria de exemplo, executa a primeira instrução da página Consulta) e sai com 0 somente quando ela retornar linhas.</translation>
    </message>
    <message>
        <source>With --smoke-screenshot: also save a PNG of every page before exiting.</source>
        <translation>Com --smoke-screenshot: salva também um PNG de cada página antes de sair.</translation>
    </message>
    <message>
        <source>automagik-workbench: unexpected argument &apos;%1&apos; (see --help)</source>
        <translation>automagik-workbench: argumento inesperado &apos;%1&apos; (veja --help)</translation>
    </message>
    <message>
        <source>automagik-workbench: warning: %1 (not used)</source>
        <translation>automagik-workbench: aviso: %1 (não usado)</translation>
    </message>
    <message>
        <source>The window&apos;s language instead of the one in Settings: system, en or pt_BR.</source>
        <translation>O idioma da janela em vez do escolhido nas Configurações: system, en ou pt_BR.</translation>
    </message>
</context>
</TS>
