SELECT user_id
FROM (SELECT user_id, countIf((event IN ('SignUp') AND ifNull((`$os` = 'iOS'), 0))) AS c0, minIf(time_ms, (event IN ('SignUp') AND ifNull((`$os` = 'iOS'), 0))) AS c1, countIf(((event IN ('$AppViewScreen') AND ifNull((`$url` = 'credit_report'), 0)) AND time_ms >= 1483200000000 AND time_ms < 1487088000000)) AS c2, countIf(((event IN ('Invest') AND (1 = 1)) AND isNotNull(`amount`))) AS c3, sumIf(`amount`, ((event IN ('Invest') AND (1 = 1)) AND isNotNull(`amount`))) AS c4
FROM (SELECT event, time_ms, insert_id, if(sextant_linked_login_id = '', distinct_id, sextant_linked_login_id) AS user_id, `$os`, `$url`, `amount`
FROM events_demo GLOBAL ANY LEFT JOIN (SELECT anonymous_id AS distinct_id, argMin(login_id, (linked_at_ms, login_id)) AS sextant_linked_login_id
FROM id_links_demo
GROUP BY anonymous_id) USING distinct_id
WHERE (1 = 1)) AS e
GROUP BY user_id) AS per_user
WHERE ((c0 > 0 AND ifNull((c1 >= 1483200000000 AND c1 < 1485878400000), 0)) AND (c2 >= 1) AND (NOT (c3 > 0 AND ifNull((c4 > toDecimal128('0', 8)), 0))));
