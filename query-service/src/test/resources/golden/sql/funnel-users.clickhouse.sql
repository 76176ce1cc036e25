SELECT user_id
FROM (SELECT user_id, arrayReduce('max', levels) AS level, chains[indexOf(levels, arrayReduce('max', levels))] AS chain, step1_groups[indexOf(levels, arrayReduce('max', levels))] AS g
FROM (SELECT user_id, step1_groups, chains, arrayMap(c -> arrayCount(y -> y > 0, c), chains) AS levels
FROM (SELECT user_id, step1_groups, arrayMap((c, s3) -> arrayPushBack(c, arrayFirst(y -> c[2] > 0 AND y >= c[2] AND y <= c[1] + 3600000, s3)), chains, arrayMap(ignored -> s3, chains)) AS chains
FROM (SELECT user_id, step1_groups, arrayMap((c, s2) -> arrayPushBack(c, arrayFirst(y -> c[1] > 0 AND y >= c[1] AND y <= c[1] + 3600000, s2)), chains, arrayMap(ignored -> s2, chains)) AS chains, s3
FROM (SELECT user_id, step1_groups, arrayMap(x -> [x], s1) AS chains, s2, s3
FROM (SELECT user_id, arrayMap(p -> tupleElement(p, 3), arraySort(groupArrayIf(tuple(time_ms, insert_id, time_ms), ((event IN ('View') AND (1 = 1)) AND time_ms < 1773072000000)))) AS s1, arrayMap(p -> tupleElement(p, 3), arraySort(groupArrayIf(tuple(time_ms, insert_id, CAST(`amount` AS Nullable(String))), ((event IN ('View') AND (1 = 1)) AND time_ms < 1773072000000)))) AS step1_groups, arraySort(groupArrayIf(time_ms, (event IN ('Register') AND ifNull((`$os` = 'iOS'), 0)))) AS s2, arraySort(groupArrayIf(time_ms, (event IN ('Invest') AND ifNull((`amount` >= toDecimal128('100', 8)), 0)))) AS s3
FROM (SELECT event, time_ms, insert_id, if(sextant_linked_login_id = '', distinct_id, sextant_linked_login_id) AS user_id, `$os`, `amount`
FROM events_demo GLOBAL ANY LEFT JOIN (SELECT anonymous_id AS distinct_id, argMin(login_id, (linked_at_ms, login_id)) AS sextant_linked_login_id
FROM id_links_demo
GROUP BY anonymous_id) USING distinct_id
WHERE time_ms >= 1772812800000 AND time_ms < 1773075600000 AND event_date >= toDate('2026-03-06') AND event_date <= toDate('2026-03-09') AND event IN ('Invest', 'Register', 'View')) AS e
GROUP BY user_id
HAVING countIf(((event IN ('View') AND (1 = 1)) AND time_ms < 1773072000000)) > 0) AS u) AS u) AS u) AS u) AS u) AS f
WHERE level = 2 AND (g = CAST(toDecimal128('100', 8) AS Nullable(String))) AND user_id > 'u7' ORDER BY user_id LIMIT 101;
SELECT count(*) AS users
FROM (SELECT user_id
FROM (SELECT user_id, arrayReduce('max', levels) AS level, chains[indexOf(levels, arrayReduce('max', levels))] AS chain, step1_groups[indexOf(levels, arrayReduce('max', levels))] AS g
FROM (SELECT user_id, step1_groups, chains, arrayMap(c -> arrayCount(y -> y > 0, c), chains) AS levels
FROM (SELECT user_id, step1_groups, arrayMap((c, s3) -> arrayPushBack(c, arrayFirst(y -> c[2] > 0 AND y >= c[2] AND y <= c[1] + 3600000, s3)), chains, arrayMap(ignored -> s3, chains)) AS chains
FROM (SELECT user_id, step1_groups, arrayMap((c, s2) -> arrayPushBack(c, arrayFirst(y -> c[1] > 0 AND y >= c[1] AND y <= c[1] + 3600000, s2)), chains, arrayMap(ignored -> s2, chains)) AS chains, s3
FROM (SELECT user_id, step1_groups, arrayMap(x -> [x], s1) AS chains, s2, s3
FROM (SELECT user_id, arrayMap(p -> tupleElement(p, 3), arraySort(groupArrayIf(tuple(time_ms, insert_id, time_ms), ((event IN ('View') AND (1 = 1)) AND time_ms < 1773072000000)))) AS s1, arrayMap(p -> tupleElement(p, 3), arraySort(groupArrayIf(tuple(time_ms, insert_id, CAST(`amount` AS Nullable(String))), ((event IN ('View') AND (1 = 1)) AND time_ms < 1773072000000)))) AS step1_groups, arraySort(groupArrayIf(time_ms, (event IN ('Register') AND ifNull((`$os` = 'iOS'), 0)))) AS s2, arraySort(groupArrayIf(time_ms, (event IN ('Invest') AND ifNull((`amount` >= toDecimal128('100', 8)), 0)))) AS s3
FROM (SELECT event, time_ms, insert_id, if(sextant_linked_login_id = '', distinct_id, sextant_linked_login_id) AS user_id, `$os`, `amount`
FROM events_demo GLOBAL ANY LEFT JOIN (SELECT anonymous_id AS distinct_id, argMin(login_id, (linked_at_ms, login_id)) AS sextant_linked_login_id
FROM id_links_demo
GROUP BY anonymous_id) USING distinct_id
WHERE time_ms >= 1772812800000 AND time_ms < 1773075600000 AND event_date >= toDate('2026-03-06') AND event_date <= toDate('2026-03-09') AND event IN ('Invest', 'Register', 'View')) AS e
GROUP BY user_id
HAVING countIf(((event IN ('View') AND (1 = 1)) AND time_ms < 1773072000000)) > 0) AS u) AS u) AS u) AS u) AS u) AS f
WHERE level = 2 AND (g = CAST(toDecimal128('100', 8) AS Nullable(String)))) AS m;
