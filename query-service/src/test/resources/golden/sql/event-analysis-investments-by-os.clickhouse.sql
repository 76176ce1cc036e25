SELECT intDiv((time_ms + 28800000), 86400000) AS bucket, `$os` AS g0, countIf((event IN ('P2P_Invest') AND (1 = 1))) AS m0_events, countIf((event IN ('P2P_Invest') AND ifNull((`amount` >= toDecimal128('1000', 8)), 0))) AS m1_events, sumIf(`amount`, ((event IN ('P2P_Invest') AND ifNull((`amount` >= toDecimal128('1000', 8)), 0)) AND isNotNull(`amount`))) AS m1_sum, count() AS m2_events, ifNull(uniqExact(user_id), 0) AS m2_users
FROM (SELECT event, time_ms, insert_id, if(sextant_linked_login_id = '', distinct_id, sextant_linked_login_id) AS user_id, `$os`, `amount`, `tags`, `vip`
FROM events_demo GLOBAL ANY LEFT JOIN (SELECT anonymous_id AS distinct_id, argMin(login_id, (linked_at_ms, login_id)) AS sextant_linked_login_id
FROM id_links_demo
GROUP BY anonymous_id) USING distinct_id
WHERE time_ms >= 1772380800000 AND time_ms < 1772985600000 AND event_date >= toDate('2026-03-01') AND event_date <= toDate('2026-03-08') AND ((ifNull((`vip` = 1), 0) OR has(`tags`, 'p2p')) AND (1 = 1))) AS e
GROUP BY bucket, g0;
